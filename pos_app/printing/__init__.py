"""Printing: receipt values, text layout by display width, ESC/POS (CP949) bytes, PDF."""
