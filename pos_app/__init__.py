"""pos_app."""
