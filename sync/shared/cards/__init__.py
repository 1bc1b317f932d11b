"""Point cards: numbers with a check digit, signed QR payloads, verification, QR rendering."""

from sync.shared.cards.number import format_card_number, is_valid_card_number, mask_card_number, mask_name
from sync.shared.cards.token import (
    CardProblem,
    CardRejected,
    CardToken,
    parse_card_payload,
    sign_card,
    verify_card_payload,
)

__all__ = [
    "CardProblem",
    "CardRejected",
    "CardToken",
    "format_card_number",
    "is_valid_card_number",
    "mask_card_number",
    "mask_name",
    "parse_card_payload",
    "sign_card",
    "verify_card_payload",
]
