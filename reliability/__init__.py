"""Reliability tools: fault-injecting proxy, crash workload, seeded simulation, load test and report."""
