"""Card numbers: 11 digits and a Luhn check digit, printed as ``1234 5678 9012``."""

from __future__ import annotations

CARD_NUMBER_LENGTH = 12


def luhn_check_digit(body: str) -> str:
    """The digit that makes ``body + digit`` pass the Luhn check (catches any single typo)."""
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def make_card_number(serial: int) -> str:
    """Card number for the office's serial (1, 2, ...): 11 digits with a leading 9, then the check digit."""
    if not 0 < serial < 10**10:
        raise ValueError(f"card serial out of range: {serial}")
    body = f"9{serial:010d}"
    return body + luhn_check_digit(body)


def is_valid_card_number(number: str) -> bool:
    return (
        len(number) == CARD_NUMBER_LENGTH
        and number.isascii()
        and number.isdigit()
        and luhn_check_digit(number[:-1]) == number[-1]
    )


def format_card_number(number: str) -> str:
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


def mask_card_number(number: str) -> str:
    """Only the last four digits are ever shown to the customer side: ``**** **** 9012``."""
    return f"**** **** {number[-4:]}"


def mask_name(name: str) -> str:
    """Keep the first and last character, star the middle: 홍길동 -> 홍*동, 김철 -> 김*."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
