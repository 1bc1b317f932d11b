"""Setting a shop and its tills up, as `allive-admin` and the office console both do it: the
business registration number checked and formatted, and a till's settings file."""

from __future__ import annotations

import json

from sync.admin.office import AdminError
from sync.ledger.service import Ledger
from sync.shared.business_no import business_no_error_ko, format_business_no


def checked_business_no(number: str) -> str:
    """``220-81-62517`` from what the office typed (empty stays empty); refused with the reason
    when its check digit or form is wrong."""
    number = number.strip()
    if not number:
        return ""
    if problem := business_no_error_ko(number):
        raise AdminError("business_no_invalid", number=number, problem=problem)
    return format_business_no(number)


def till_settings(ledger: Ledger, shop_id: str, till_id: str, ledger_url: str, token: str) -> str:
    """A till's settings file: where its ledger is, its token, and the key its first sync trusts."""
    config = {
        "till_id": till_id,
        "shop_id": shop_id,
        "ledger_url": ledger_url,
        "token": token,
        "issuer_public_key": ledger.programme().issuer_public_key,
    }
    return json.dumps(config, ensure_ascii=False, indent=2)
