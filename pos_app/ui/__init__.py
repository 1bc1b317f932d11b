"""pos_app/ui."""
