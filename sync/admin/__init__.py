"""sync/admin."""
