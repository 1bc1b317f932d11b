"""Every sentence `allive-admin` prints, in one table: Korean first, English with ``--lang en``.

The ledger refuses with codes (``LedgerError.code`` and its parameters); this table turns each code,
and each line the CLI reports, into text. A code without an entry prints as itself with its
parameters, so nothing is ever lost.
"""

from __future__ import annotations

import os

LANGS = ("ko", "en")
DEFAULT_LANG = "ko"

# code -> (Korean, English); ``{name}`` fields are filled from the parameters.
MESSAGES: dict[str, tuple[str, str]] = {
    # Refusals of the ledger (sync.ledger.errors.LedgerError codes).
    "grant_not_positive": (
        "지급액은 0보다 커야 합니다 ({amount}원).",
        "the grant amount must be positive ({amount} won)",
    ),
    "issuer_key_not_hex": (
        "발급 공개키 형식이 잘못되었습니다 (16진수여야 함).",
        "the issuer public key must be hexadecimal",
    ),
    "programme_exists": ("{year}년 사업이 이미 있습니다.", "a programme for {year} exists already"),
    "no_programme": (
        "사업이 아직 없습니다: 먼저 `allive-admin init-programme`을 실행하세요.",
        "no programme yet: run `allive-admin init-programme` first",
    ),
    "shop_needs_id_and_name": ("매장에는 ID와 이름이 필요합니다.", "a shop needs an id and a name"),
    "shop_exists": ("매장 {shop_id}이(가) 이미 있습니다.", "shop {shop_id} exists already"),
    "shop_unknown": (
        "모르는 매장 {shop_id}: 먼저 `allive-admin add-shop`으로 추가하세요.",
        "unknown shop {shop_id}: add it first with `allive-admin add-shop`",
    ),
    "till_exists": ("단말기 {till_id}은(는) 이미 등록되어 있습니다.", "till {till_id} is enrolled already"),
    "till_unknown": ("모르는 단말기 {till_id}", "unknown till {till_id}"),
    "till_already_active": ("단말기 {till_id}은(는) 이미 사용 중입니다.", "till {till_id} is active already"),
    "till_already_disabled": (
        "단말기 {till_id}은(는) 이미 정지되었습니다.",
        "till {till_id} is disabled already",
    ),
    "till_needs_reason": (
        "단말기 {till_id}을(를) 정지하는 이유를 --reason에 적으세요.",
        "give the reason for disabling till {till_id} with --reason",
    ),
    "participant_unknown": ("모르는 참여자 {participant_id}", "unknown participant {participant_id}"),
    "card_unknown": ("모르는 카드 {card}", "unknown card {card}"),
    "card_already_revoked": ("카드 {card}은(는) 이미 정지되었습니다.", "card {card} is already revoked"),
    "card_already_replaced": (
        "카드 {card}은(는) 이미 재발급되었습니다 (새 카드 {replaced_by}).",
        "card {card} was replaced already (by {replaced_by})",
    ),
    "settle_amount_invalid": (
        "매장 {shop_id}에 지급할 금액은 {owed}원입니다: {amount}원은 정산할 수 없습니다.",
        "shop {shop_id} is owed {owed} won; cannot settle {amount}",
    ),
    "unknown_account": ("모르는 계정 {account}", "unknown account {account}"),
    # What the CLI itself reports.
    "no_database": (
        "--database URL을 주거나 ALLIVE_DATABASE를 설정하세요.",
        "give --database URL (or set ALLIVE_DATABASE)",
    ),
    "key_exists": (
        "{path}이(가) 이미 있습니다: 발급키는 덮어쓰지 않습니다 (다른 경로를 고르세요).",
        "{path} exists: the issuer key is never overwritten (choose another path)",
    ),
    "key_unreadable": (
        "발급키 {path}을(를) 읽을 수 없습니다: {error}",
        "cannot read the issuer key {path}: {error}",
    ),
    "programme_created": (
        "{year}년 사업: 참여자당 {grant}원, {expires}까지 사용",
        "programme {year}: {grant} won per participant, expires {expires}",
    ),
    "key_written": (
        "발급키를 {path}에 저장했습니다 (안전하게 백업하세요; 단말기에는 공개키만 필요합니다).",
        "issuer key written to {path} (keep it safe and backed up; tills need only the public key)",
    ),
    "business_no_invalid": (
        "사업자등록번호 {number}: {problem}",
        "business registration number {number}: {problem}",
    ),
    "shop_added": ("매장 {shop_id}을(를) 추가했습니다.", "shop {shop_id} added"),
    "till_enrolled": (
        "단말기 {till_id} 등록 완료; 설정을 {path}에 저장했습니다 (토큰이 들어 있으며 한 번만 보여집니다).",
        "till {till_id} enrolled; settings written to {path} (the token is in it, shown only once)",
    ),
    "token_once": ("보관하세요: 토큰은 한 번만 보여집니다.", "keep this: the token is shown only once"),
    "import_summary": (
        "{file} ({encoding}): 참여자 {count}명, 지급 대상 {eligible}명",
        "{file} ({encoding}): {count} participant(s), {eligible} eligible",
    ),
    "eligible": ("지급 대상", "eligible"),
    "not_eligible": ("지급 대상 아님: {reasons}", "not eligible: {reasons}"),
    "dry_run": ("미리보기: 아무것도 바꾸지 않았습니다.", "dry run: nothing was changed"),
    "imported": (
        "{file} ({encoding})에서 참여자 {count}명을 가져왔습니다; 지급 대상 {eligible}명",
        "imported {count} participant(s) from {file} ({encoding}); {eligible} eligible",
    ),
    "granted": (
        "참여자 {count}명에게 {amount}원을 지급했습니다.",
        "granted {amount} won to {count} participant(s)",
    ),
    "no_cards": (
        "출력할 사용 중인 카드가 없습니다: 참여자를 가져오고 먼저 grant를 실행하세요.",
        "no active cards to print: import participants and run grant first",
    ),
    "cards_written": (
        "카드 {count}장, {pages}쪽: {path}, cards.csv",
        "{count} card(s) on {pages} page(s): {path} and cards.csv",
    ),
    "card_revoked": (
        "카드 {card}을(를) 정지했습니다; 단말기는 다음 동기화 후 거절합니다.",
        "card {card} revoked; tills refuse it after their next sync",
    ),
    "card_replaced": (
        "카드 {card}을(를) {new}(으)로 재발급했습니다; {amount}원을 새 카드로 옮겼습니다.",
        "card {card} replaced by {new}; {amount} won moved to the new card",
    ),
    "card_balance": ("카드 {card}: {amount}원 ({status})", "card {card}: {amount} won ({status})"),
    "settled": ("매장 {shop_id}에 {amount}원을 정산했습니다.", "settled {amount} won with shop {shop_id}"),
    "expired": (
        "사용하지 않은 포인트 {amount}원을 기금으로 돌려보냈습니다.",
        "returned {amount} won of unspent points to the fund",
    ),
    "verify_ok": ("이상 없음 (OK)", "OK"),
    "expire_too_early": (
        "{year}년 포인트는 {expires}까지 쓸 수 있습니다: 그 다음 날부터 소멸할 수 있습니다 "
        "(미리 하려면 --force와 --reason).",
        "{year}'s points can be spent until {expires}: expire them from the day after "
        "(earlier needs --force and --reason)",
    ),
    "expire_force_needs_reason": (
        "{year}년 포인트를 미리 소멸하려면 --reason으로 이유를 적어야 합니다.",
        "expiring {year}'s points early needs a reason (--reason)",
    ),
    "expiry_in_the_past": (
        "{year}년 사업의 사용 기한 {expires}은(는) 이미 지났습니다.",
        "the {year} programme's last spending day {expires} has passed already",
    ),
    "audit_empty": ("해당하는 기록이 없습니다.", "no matching records"),
    "dispute_unknown": ("분쟁 청구 {dispute}을(를) 찾을 수 없습니다.", "no disputed claim {dispute}"),
    "dispute_closed": (
        "분쟁 청구 {dispute}은(는) 이미 처리되었습니다 ({status}).",
        "disputed claim {dispute} is already closed ({status})",
    ),
    "dispute_needs_note": (
        "분쟁 청구를 처리하려면 --note에 이유를 적으세요.",
        "give the reason for the decision with --note",
    ),
    "dispute_sale_not_posted": (
        "판매가 게시되지 않아 ({status}) 분쟁 청구 {dispute}을(를) 승인할 수 없습니다: 거절하세요.",
        "the sale of disputed claim {dispute} is not posted ({status}): reject it instead",
    ),
    "no_disputes": ("처리할 분쟁 청구가 없습니다.", "no disputed claims are open"),
    "dispute_resolved": (
        "분쟁 청구 {dispute} {amount}: {status}",
        "disputed claim {dispute} of {amount}: {status}",
    ),
    "verify_problems": ("문제 {count}건", "{count} problem(s)"),
}


def language(choice: str | None = None) -> str:
    """The language asked for (``--lang``), else ``ALLIVE_LANG``, else Korean."""
    lang = (choice or os.environ.get("ALLIVE_LANG") or DEFAULT_LANG).lower()
    return lang if lang in LANGS else DEFAULT_LANG


def text(code: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The sentence for ``code`` in ``lang``, filled with ``params``."""
    entry = MESSAGES.get(code)
    if entry is None:
        details = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{code} ({details})" if details else code
    template = entry[LANGS.index(lang)] if lang in LANGS else entry[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
