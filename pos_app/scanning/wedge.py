"""Keyboard-wedge scanners: tell a burst of digits ending in Enter from a person typing.

USB scanners type the card's digits within a few milliseconds of each other and press Enter.
The Qt layer feeds every key press here with its time; keys that may belong to a burst are held
back (``HOLD``) and either become a scan (``SCAN``) or are released to the focused widget
(``RELEASE``) once it is clear a person is typing. Digits are read from key codes, not key text,
because a Korean IME in Hangul mode turns the text into jamo while the key code stays a digit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

KEY_0 = 0x30
KEY_9 = 0x39
KEY_RETURN = 0x01000004
KEY_ENTER = 0x01000005
FULLWIDTH_DIGITS = {chr(0xFF10 + n): str(n) for n in range(10)}


def key_to_digit(key_code: int, text: str = "") -> str | None:
    """The digit a key press stands for (key code first: the IME may have changed the text)."""
    if KEY_0 <= key_code <= KEY_9:
        return chr(key_code)
    if len(text) == 1:
        if text.isascii() and text.isdigit():
            return text
        if text in FULLWIDTH_DIGITS:
            return FULLWIDTH_DIGITS[text]
    return None


def is_enter(key_code: int) -> bool:
    return key_code in (KEY_RETURN, KEY_ENTER)


def parse_card_input(text: str) -> str:
    """Normalise a typed card number: drop spaces and dashes, full-width digits to ASCII."""
    out = []
    for char in text:
        if char in FULLWIDTH_DIGITS:
            out.append(FULLWIDTH_DIGITS[char])
        elif char.isascii() and char.isdigit():
            out.append(char)
    return "".join(out)


class WedgeAction(Enum):
    PASS = "pass"  # not a digit and nothing held: let the key through
    HOLD = "hold"  # swallowed for now: may be part of a scan
    SCAN = "scan"  # a complete burst: ``digits`` holds the scan; swallow the Enter too
    RELEASE = "release"  # the held keys were a person typing: replay ``released`` then this key


@dataclass(frozen=True)
class WedgeEvent:
    action: WedgeAction
    digits: str = ""
    released: tuple[str, ...] = ()


@dataclass
class WedgeParser:
    max_gap_ms: float = 30.0
    min_length: int = 12
    _held: list[str] = field(default_factory=list)
    _last_ms: float = -1e18

    def feed(self, key_code: int, text: str, t_ms: float) -> WedgeEvent:
        gap = t_ms - self._last_ms
        digit = key_to_digit(key_code, text)
        if self._held and gap > self.max_gap_ms:
            # Too slow to be a scanner: what was held was typed by a person.
            released = tuple(self._held)
            self._held.clear()
            self._last_ms = t_ms
            if digit is not None:
                # This digit may start a new burst: hold it, hand back the earlier ones.
                self._held.append(digit)
                return WedgeEvent(WedgeAction.RELEASE, released=released)
            # Not a digit: release the held keys, then the caller delivers this key too.
            return WedgeEvent(WedgeAction.RELEASE, released=released)
        self._last_ms = t_ms
        if digit is not None:
            self._held.append(digit)
            return WedgeEvent(WedgeAction.HOLD)
        if is_enter(key_code) and self._held:
            digits = "".join(self._held)
            self._held.clear()
            if len(digits) >= self.min_length:
                return WedgeEvent(WedgeAction.SCAN, digits=digits)
            return WedgeEvent(WedgeAction.RELEASE, released=tuple(digits))
        if self._held:
            released = tuple(self._held)
            self._held.clear()
            return WedgeEvent(WedgeAction.RELEASE, released=released)
        return WedgeEvent(WedgeAction.PASS)

    def flush(self, t_ms: float) -> tuple[str, ...]:
        """Keys held longer than the gap are a person's: hand them back (called from a short timer)."""
        if self._held and t_ms - self._last_ms > self.max_gap_ms:
            released = tuple(self._held)
            self._held.clear()
            return released
        return ()

    @property
    def holding(self) -> bool:
        return bool(self._held)
