"""Hypothesis on what comes from outside: card QR payloads, keyboard-wedge keys and the wire models."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from pos_app.scanning.wedge import KEY_RETURN, WedgeAction, WedgeParser, key_to_digit, parse_card_input
from sync.protocol import EntryResult, PushRequest, PushResponse, SnapshotResponse, WireEntry
from sync.shared.cards.keys import new_issuer_key
from sync.shared.cards.number import make_card_number
from sync.shared.cards.token import (
    CardRejected,
    CardToken,
    parse_card_payload,
    sign_card,
    verify_card_payload,
)

ISSUER = new_issuer_key()
OTHER_ISSUER = new_issuer_key()
TODAY = dt.date(2026, 11, 25)
EXPIRES = dt.date(2026, 12, 31)

card_tokens = st.builds(
    CardToken,
    number=st.integers(1, 10**10 - 1).map(make_card_number),
    issue=st.integers(0, 99),
    expires=st.dates(dt.date(2026, 11, 25), dt.date(2099, 12, 31)),
)


@given(st.text(max_size=400))
def test_any_text_is_parsed_or_refused_with_card_rejected(text):
    try:
        token, signature = parse_card_payload(text)
    except CardRejected:
        return
    assert len(signature) == 64 and 0 <= token.issue <= 99


@given(st.text(alphabet="0123456789", min_size=170, max_size=185))
def test_any_digit_string_is_verified_or_refused_with_card_rejected(digits):
    with pytest.raises(CardRejected):
        # Random digits never carry a valid issuer signature.
        verify_card_payload(digits, ISSUER.public_key(), TODAY)


@given(card_tokens)
def test_a_signed_card_verifies_and_reads_back(token):
    payload = sign_card(token, ISSUER)
    assert payload.isdigit() and len(payload) <= 200
    assert verify_card_payload(payload, ISSUER.public_key(), TODAY) == token
    with pytest.raises(CardRejected):
        verify_card_payload(payload, OTHER_ISSUER.public_key(), TODAY)  # forged: another key


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(card_tokens, st.data())
def test_any_single_digit_alteration_is_refused(token, data):
    payload = sign_card(token, ISSUER)
    position = data.draw(st.integers(0, len(payload) - 1), label="position")
    new_digit = data.draw(st.sampled_from([d for d in "0123456789" if d != payload[position]]), label="digit")
    altered = payload[:position] + new_digit + payload[position + 1 :]
    with pytest.raises(CardRejected):
        verify_card_payload(altered, ISSUER.public_key(), TODAY)


@given(card_tokens, st.integers(0, 199), st.sampled_from(["insert", "delete", "swap"]))
def test_inserted_deleted_or_swapped_digits_are_refused(token, where, how):
    payload = sign_card(token, ISSUER)
    where %= len(payload) - 1
    if how == "insert":
        altered = payload[:where] + "7" + payload[where:]
    elif how == "delete":
        altered = payload[:where] + payload[where + 1 :]
    else:
        if payload[where] == payload[where + 1]:
            return
        altered = payload[:where] + payload[where + 1] + payload[where] + payload[where + 2 :]
    with pytest.raises(CardRejected):
        verify_card_payload(altered, ISSUER.public_key(), TODAY)


def test_expired_card_is_refused_even_with_a_good_signature():
    payload = sign_card(CardToken(make_card_number(7), 1, dt.date(2025, 12, 31)), ISSUER)
    with pytest.raises(CardRejected) as refused:
        verify_card_payload(payload, ISSUER.public_key(), TODAY)
    assert refused.value.problem.value == "expired"


# -- keyboard wedge ----------------------------------------------------------------------------------
keys = st.tuples(
    st.one_of(st.integers(0x20, 0x7E), st.sampled_from([KEY_RETURN, 0x01000005, 0x01000003, 0x01000020])),
    st.text(max_size=2),
    st.floats(0, 500, allow_nan=False),
)


@given(st.lists(keys, max_size=120))
def test_wedge_parser_never_crashes_and_never_loses_a_digit(presses):
    parser = WedgeParser()
    t = 0.0
    delivered: list[str] = []
    typed: list[str] = []
    for code, text, gap in presses:
        t += gap
        digit = key_to_digit(code, text)
        if digit is not None:
            typed.append(digit)
        event = parser.feed(code, text, t)
        assert isinstance(event.action, WedgeAction)
        delivered += [*event.released, *event.digits]
        if event.action is WedgeAction.SCAN:
            assert event.digits.isdigit() and len(event.digits) >= parser.min_length
    delivered += parser.flush(t + 10_000)
    # Every digit typed reaches the screen exactly once: as part of a scan or released to the field.
    assert "".join(delivered) == "".join(typed)


@given(card_tokens, st.lists(st.floats(0, 25, allow_nan=False), min_size=200, max_size=200), st.booleans())
def test_a_scanner_burst_is_one_scan_with_exactly_its_digits(token, gaps, fullwidth):
    payload = sign_card(token, ISSUER)
    parser = WedgeParser()
    t = 1000.0
    for char, gap in zip(payload, gaps, strict=False):
        t += gap
        # A Korean IME may turn the text into something else; the key code stays the digit.
        text = chr(0xFF10 + int(char)) if fullwidth else "ㅁ"
        assert parser.feed(ord(char), text, t).action is WedgeAction.HOLD
    event = parser.feed(KEY_RETURN, "\r", t + 5)
    assert event.action is WedgeAction.SCAN and event.digits == payload


@given(st.text(max_size=60))
def test_typed_card_numbers_normalise_to_ascii_digits(text):
    out = parse_card_input(text)
    assert out == "" or (out.isascii() and out.isdigit())


# -- wire models -------------------------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=30,
)
entry_like = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.uuids().map(str), st.text(max_size=40)),
        "till_id": st.text(max_size=70),
        "seq": st.one_of(st.integers(-5, 10**12), st.text(max_size=5), st.none()),
        "ts": st.text(max_size=45),
        "type": st.sampled_from(["sale", "refund", "void", "sale_cancelled", "x" * 40]),
        "payload": json_values,
        "prev_hash": st.text("0123456789abcdef", min_size=60, max_size=66),
        "hash": st.text("0123456789abcdef", min_size=60, max_size=66),
    },
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        json_values,
        st.fixed_dictionaries({"protocol": json_values, "entries": st.lists(entry_like, max_size=4)}),
    )
)
def test_arbitrary_json_never_crashes_push_validation(value):
    for model in (PushRequest, WireEntry, PushResponse, SnapshotResponse, EntryResult):
        with contextlib.suppress(ValidationError):
            model.model_validate(value)
        with contextlib.suppress(ValidationError):
            model.model_validate_json(json.dumps(value))


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_push_validation(raw):
    with contextlib.suppress(ValidationError):
        PushRequest.model_validate_json(raw)
