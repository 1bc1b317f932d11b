"""Scanning: one QR decoder (camera frames, files), keyboard-wedge bursts, manual card entry."""

from pos_app.scanning.decoder import DecodeResult, decode_file, decode_gray, decode_image
from pos_app.scanning.wedge import WedgeAction, WedgeEvent, WedgeParser, key_to_digit, parse_card_input

__all__ = [
    "DecodeResult",
    "WedgeAction",
    "WedgeEvent",
    "WedgeParser",
    "decode_file",
    "decode_gray",
    "decode_image",
    "key_to_digit",
    "parse_card_input",
]
