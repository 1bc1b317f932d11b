"""Korean business registration numbers (사업자등록번호): format and check digit."""

from __future__ import annotations

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def normalise_business_no(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def is_valid_business_no(text: str) -> bool:
    """The check of DOMAIN.md: weights 1,3,7,1,3,7,1,3,5, plus ⌊9th digit × 5 / 10⌋."""
    digits = normalise_business_no(text)
    if len(digits) != 10 or not digits.isascii():
        return False
    values = [int(d) for d in digits]
    total = sum(v * w for v, w in zip(values[:9], WEIGHTS, strict=True)) + (values[8] * 5) // 10
    return (10 - total % 10) % 10 == values[9]


def format_business_no(text: str) -> str:
    digits = normalise_business_no(text)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}" if len(digits) == 10 else text


def business_no_error_ko(text: str) -> str | None:
    """None when valid; otherwise what the manager should fix."""
    digits = normalise_business_no(text)
    if len(digits) != 10:
        return "사업자등록번호는 숫자 10자리입니다. 예: 123-45-67890"
    if not is_valid_business_no(digits):
        return "사업자등록번호가 올바르지 않습니다. 사업자등록증의 번호를 다시 확인하세요."
    return None
