"""Keyboard-wedge bursts versus people typing, Hangul-mode key events and full-width digits."""

from hypothesis import given
from hypothesis import strategies as st

from pos_app.scanning.wedge import (
    KEY_RETURN,
    WedgeAction,
    WedgeParser,
    key_to_digit,
    parse_card_input,
)

CARD = "900000000019"


def burst(parser, digits, start=0.0, gap=4.0, hangul=False):
    events = []
    t = start
    for d in digits:
        text = "ㅁ" if hangul else d  # an IME in Hangul mode changes the text, not the key code
        events.append(parser.feed(ord(d), text, t))
        t += gap
    events.append(parser.feed(KEY_RETURN, "\r", t))
    return events


def test_a_fast_burst_ending_in_enter_is_a_scan_and_every_key_is_swallowed():
    events = burst(WedgeParser(), CARD)
    assert all(e.action is WedgeAction.HOLD for e in events[:-1])
    assert events[-1].action is WedgeAction.SCAN and events[-1].digits == CARD


def test_hangul_mode_key_events_still_scan():
    assert burst(WedgeParser(), CARD, hangul=True)[-1].digits == CARD


def test_person_typing_slowly_gets_the_keys_back():
    parser = WedgeParser()
    assert parser.feed(ord("3"), "3", 0).action is WedgeAction.HOLD
    event = parser.feed(ord("5"), "5", 400)
    assert event.action is WedgeAction.RELEASE and event.released == ("3",)
    assert parser.flush(800) == ("5",)


def test_short_digit_run_with_enter_is_not_a_scan():
    parser = WedgeParser()
    events = burst(parser, "12")
    assert events[-1].action is WedgeAction.RELEASE and events[-1].released == ("1", "2")


def test_a_long_pause_inside_a_burst_breaks_it():
    parser = WedgeParser()
    for i, d in enumerate(CARD[:6]):
        parser.feed(ord(d), d, i * 4)
    event = parser.feed(ord(CARD[6]), CARD[6], 500)
    assert event.action is WedgeAction.RELEASE and "".join(event.released) == CARD[:6]


def test_non_digit_key_passes_when_nothing_is_held():
    assert WedgeParser().feed(0x41, "a", 0).action is WedgeAction.PASS


def test_key_to_digit_and_manual_entry_normalisation():
    assert key_to_digit(0x35, "ㅁ") == "5"
    assert key_to_digit(0, "７") == "7"
    assert key_to_digit(0x41, "a") is None
    assert parse_card_input(" ９０００-0000 0019 ") == CARD


@given(st.lists(st.tuples(st.integers(0, 0x01000010), st.text(max_size=2), st.floats(0, 1000)), max_size=60))
def test_any_key_sequence_never_raises(keys):
    parser = WedgeParser()
    t = 0.0
    for code, text, gap in keys:
        t += gap
        parser.feed(code, text, t)
        parser.flush(t)


@given(st.text(alphabet="0123456789", min_size=12, max_size=200), st.floats(0, 29))
def test_any_fast_digit_burst_yields_exactly_its_digits(digits, gap):
    assert burst(WedgeParser(), digits, gap=gap)[-1].digits == digits
