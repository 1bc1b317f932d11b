"""sync/ledger."""
