"""Card numbers, signed QR payloads and their verification, and the QR image a scanner reads."""

import datetime as dt

import pytest
from pyzbar.pyzbar import ZBarSymbol, decode

from sync.shared.cards.keys import load_public_key_hex, new_issuer_key, public_key_hex
from sync.shared.cards.number import (
    format_card_number,
    is_valid_card_number,
    make_card_number,
    mask_card_number,
    mask_name,
)
from sync.shared.cards.qr import render_qr
from sync.shared.cards.token import (
    PAYLOAD_LENGTH,
    CardProblem,
    CardRejected,
    CardToken,
    sign_card,
    verify_card_payload,
)

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def issuer():
    return new_issuer_key()


@pytest.fixture(scope="module")
def payload(issuer):
    return sign_card(CardToken(make_card_number(42), 1, dt.date(2026, 12, 31)), issuer)


def test_card_numbers_carry_a_check_digit_that_catches_typos():
    number = make_card_number(1234)
    assert is_valid_card_number(number)
    assert format_card_number(number) == f"{number[:4]} {number[4:8]} {number[8:]}"
    for position in range(12):
        typo = number[:position] + str((int(number[position]) + 1) % 10) + number[position + 1 :]
        assert not is_valid_card_number(typo)


def test_masks_show_only_what_the_counter_may_see():
    assert mask_card_number("900000000019") == "**** **** 0019"
    assert [mask_name(n) for n in ("홍길동", "김철", "남궁민수", "이")] == ["홍*동", "김*", "남**수", "이"]


def test_payload_is_digits_only_and_fits_a_small_qr(payload):
    assert payload.isdigit() and len(payload) == PAYLOAD_LENGTH <= 200


def test_genuine_card_verifies_offline(issuer, payload):
    public = load_public_key_hex(public_key_hex(issuer))
    token = verify_card_payload(payload, public, TODAY)
    assert token.number == make_card_number(42) and token.issue == 1


def test_forged_card_signed_by_another_key_is_refused(payload):
    forger = new_issuer_key()
    with pytest.raises(CardRejected) as err:
        verify_card_payload(payload, forger.public_key(), TODAY)
    assert err.value.problem is CardProblem.FORGED


def test_altered_card_number_or_expiry_is_refused(issuer, payload):
    # A different card number with a valid check digit, keeping the original signature.
    other = make_card_number(43)
    altered = payload[0] + other + payload[13:]
    with pytest.raises(CardRejected) as err:
        verify_card_payload(altered, issuer.public_key(), TODAY)
    assert err.value.problem is CardProblem.FORGED
    later_expiry = payload[:15] + "20271231" + payload[23:]
    with pytest.raises(CardRejected) as err:
        verify_card_payload(later_expiry, issuer.public_key(), TODAY)
    assert err.value.problem is CardProblem.FORGED


def test_expired_card_is_refused_with_its_own_reason(issuer):
    old = sign_card(CardToken(make_card_number(7), 1, dt.date(2025, 12, 31)), issuer)
    with pytest.raises(CardRejected) as err:
        verify_card_payload(old, issuer.public_key(), TODAY)
    assert err.value.problem is CardProblem.EXPIRED


@pytest.mark.parametrize("text", ["", "abc", "2" + "0" * 177, "1234", "1" + "ㅁ" * 177])
def test_garbage_is_unreadable_not_a_crash(issuer, text):
    with pytest.raises(CardRejected) as err:
        verify_card_payload(text, issuer.public_key(), TODAY)
    assert err.value.problem in (CardProblem.UNREADABLE, CardProblem.UNKNOWN_VERSION)


def test_rendered_qr_decodes_back_to_the_payload(payload):
    image = render_qr(payload)
    found = decode(image, symbols=[ZBarSymbol.QRCODE])
    assert found and found[0].data.decode() == payload
