"""The QR payload of a point card: digits only, versioned, Ed25519-signed by the issuer.

Layout (178 digits, QR numeric mode, safe for USB scanners typing through a Korean IME)::

    1            format version
    12 digits    card number (with its check digit)
    2 digits     issue number (a replacement card gets the next issue)
    8 digits     expiry date YYYYMMDD (last day the card may be used)
    155 digits   the 64-byte Ed25519 signature as a zero-padded decimal number

The signature covers ``ALLIVE-CARD|<version>|<number>|<issue>|<expiry>``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.shared.cards.number import is_valid_card_number

FORMAT_VERSION = "1"
SIGNATURE_DIGITS = 155  # 2**512 has 155 decimal digits
PAYLOAD_LENGTH = 1 + 12 + 2 + 8 + SIGNATURE_DIGITS


class CardProblem(StrEnum):
    """Why a scanned card is refused; the till and the office word each code in their own message table."""

    UNREADABLE = "unreadable"
    UNKNOWN_VERSION = "unknown_version"
    BAD_NUMBER = "bad_number"
    FORGED = "forged"
    REVOKED = "revoked"
    EXPIRED = "expired"
    REPLACED = "replaced"


class CardRejected(Exception):
    def __init__(self, problem: CardProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem


@dataclass(frozen=True)
class CardToken:
    number: str
    issue: int
    expires: dt.date

    def signed_message(self) -> bytes:
        return f"ALLIVE-CARD|{FORMAT_VERSION}|{self.number}|{self.issue:02d}|{self.expires:%Y%m%d}".encode()

    def body_digits(self) -> str:
        return f"{FORMAT_VERSION}{self.number}{self.issue:02d}{self.expires:%Y%m%d}"


def sign_card(token: CardToken, issuer_key: Ed25519PrivateKey) -> str:
    """The QR payload for a card (issuer side)."""
    if not is_valid_card_number(token.number):
        raise ValueError(f"invalid card number {token.number}")
    if not 0 <= token.issue <= 99:
        raise ValueError(f"issue out of range: {token.issue}")
    signature = issuer_key.sign(token.signed_message())
    return token.body_digits() + str(int.from_bytes(signature, "big")).zfill(SIGNATURE_DIGITS)


def parse_card_payload(payload: str) -> tuple[CardToken, bytes]:
    """Split a payload into its token and signature; refuse anything malformed. Does not verify."""
    text = payload.strip()
    if not text or not text.isascii() or not text.isdigit():
        raise CardRejected(CardProblem.UNREADABLE, "payload is not all digits")
    if text[0] != FORMAT_VERSION:
        raise CardRejected(CardProblem.UNKNOWN_VERSION, f"version {text[0]}")
    if len(text) != PAYLOAD_LENGTH:
        raise CardRejected(CardProblem.UNREADABLE, f"length {len(text)} != {PAYLOAD_LENGTH}")
    number, issue, expiry, signature_digits = text[1:13], text[13:15], text[15:23], text[23:]
    if not is_valid_card_number(number):
        raise CardRejected(CardProblem.BAD_NUMBER, number)
    try:
        expires = dt.datetime.strptime(expiry, "%Y%m%d").date()
    except ValueError as exc:
        raise CardRejected(CardProblem.UNREADABLE, f"expiry {expiry}") from exc
    signature_int = int(signature_digits)
    if signature_int >= 1 << 512:
        raise CardRejected(CardProblem.FORGED, "signature out of range")
    return CardToken(number, int(issue), expires), signature_int.to_bytes(64, "big")


def verify_card_payload(
    payload: str, issuer_public_key: Ed25519PublicKey | Sequence[Ed25519PublicKey], today: dt.date
) -> CardToken:
    """Verify a scanned payload offline: format, signature (by the issuer key of any programme year
    on the keyring), expiry. Revocation is checked by the caller."""
    token, signature = parse_card_payload(payload)
    keys = [issuer_public_key] if isinstance(issuer_public_key, Ed25519PublicKey) else issuer_public_key
    for key in keys:
        try:
            key.verify(signature, token.signed_message())
            break
        except InvalidSignature:
            continue
    else:
        raise CardRejected(CardProblem.FORGED, token.number)
    if today > token.expires:
        raise CardRejected(CardProblem.EXPIRED, f"{token.number} expired {token.expires}")
    return token
