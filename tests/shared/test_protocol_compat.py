"""A till reads the answers of a newer ledger: fields it does not know are ignored, not refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sync.protocol import PushRequest, PushResponse, SnapshotResponse


def test_a_push_answer_with_a_field_added_later_still_reads():
    answer = PushResponse.model_validate(
        {"protocol": 1, "results": [], "applied_through": 3, "added_in_a_later_version": {"x": 1}}
    )
    assert answer.applied_through == 3


def test_a_snapshot_with_a_field_added_later_still_reads():
    body = {
        "protocol": 1,
        "version": 7,
        "full": True,
        "server_time": "2026-11-25T03:00:00+00:00",
        "cards": [],
        "issuer_public_key": "00" * 32,
        "limits": {"offline_card_daily_cap": 30_000, "new_limit": 5},
        "something_new": True,
    }
    assert SnapshotResponse.model_validate(body).version == 7


def test_what_a_till_sends_is_still_refused_with_an_unknown_field():
    with pytest.raises(ValidationError):
        PushRequest.model_validate({"protocol": 1, "entries": [], "extra": 1})
