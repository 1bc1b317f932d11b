"""Every word the office console shows, in one table: Korean first, English with ``?lang=en``.

Refusals of the ledger (``LedgerError`` codes) are worded by ``sync.admin.messages``, the table the
command line uses, so the office reads the same sentence in both.
"""

from __future__ import annotations

from sync.admin.messages import MESSAGES as LEDGER_MESSAGES

LANGS = ("ko", "en")
DEFAULT_LANG = "ko"

# key -> (Korean, English); ``{name}`` fields are filled from the parameters.
MESSAGES: dict[str, tuple[str, str]] = {
    "brand": ("올리브 마켓 사무국", "ALL-LIVE Market office"),
    "skip_to_content": ("본문으로 건너뛰기", "Skip to the content"),
    "nav_dashboard": ("현황", "Dashboard"),
    "nav_participants": ("참여자", "Participants"),
    "nav_alerts": ("알림", "Alerts"),
    "nav_audit": ("작업 기록", "Audit log"),
    "nav_label": ("주 메뉴", "Main menu"),
    "signed_in_as": ("{name} ({role})", "{name} ({role})"),
    "role_admin": ("관리자", "admin"),
    "role_staff": ("담당자", "staff"),
    "role_viewer": ("열람자", "viewer"),
    "sign_out": ("로그아웃", "Sign out"),
    "language_switch": ("English", "한국어"),
    # Sign-in.
    "sign_in_title": ("로그인", "Sign in"),
    "sign_in_intro": (
        "사무국 계정으로 로그인하세요. 계정은 관리자가 allive-admin operator add로 만듭니다.",
        "Sign in with your office account. An admin creates accounts with allive-admin operator add.",
    ),
    "username": ("사용자 이름", "User name"),
    "password": ("비밀번호", "Password"),
    "sign_in_button": ("로그인", "Sign in"),
    "sign_in_refused": (
        "로그인하지 못했습니다. 사용자 이름과 비밀번호를 확인하세요. 5번 틀리면 15분 동안 잠깁니다.",
        "Sign-in refused. Check the user name and password. After 5 wrong tries the account is locked "
        "for 15 minutes.",
    ),
    "signed_out": ("로그아웃했습니다.", "You are signed out."),
    "session_ended": (
        "세션이 끝났습니다 (30분 동안 사용하지 않았거나 8시간이 지남). 다시 로그인하세요.",
        "Your session ended (30 minutes idle, or 8 hours passed). Sign in again.",
    ),
    # Refusals of the console.
    "forbidden_title": ("권한이 없습니다", "Not allowed"),
    "forbidden": (
        "이 작업은 {role} 역할로 할 수 없습니다. 필요하면 관리자에게 요청하세요.",
        "Your role ({role}) cannot do this. Ask an admin if you need it.",
    ),
    "form_expired_title": ("양식이 만료되었습니다", "The form has expired"),
    "form_expired": (
        "이 양식은 더 이상 쓸 수 없습니다 (보안 토큰이 없거나 맞지 않음). 페이지를 새로 불러와 다시 하세요.",
        "This form can no longer be sent (its security token is missing or wrong). Reload the page "
        "and try again.",
    ),
    "not_found_title": ("페이지가 없습니다", "Page not found"),
    "not_found": ("찾는 페이지가 없습니다.", "There is no such page."),
    "back_to_dashboard": ("현황으로 돌아가기", "Back to the dashboard"),
    # Dashboard.
    "dashboard_title": ("현황", "Dashboard"),
    "dashboard_year": ("{year}년 사업 · 오늘 {today}", "Programme {year} · today {today}"),
    "no_programme": (
        "아직 사업 연도가 없습니다: allive-admin init-programme으로 시작하세요.",
        "No programme year yet: start one with allive-admin init-programme.",
    ),
    "figure_participants": ("참여자", "Participants"),
    "figure_participants_note": ("지급 {granted}명", "{granted} granted"),
    "figure_granted": ("지급한 포인트", "Points granted"),
    "figure_spent": ("사용한 포인트", "Points spent"),
    "figure_spent_note": ("{start}부터", "since {start}"),
    "figure_unspent": ("남은 포인트", "Points unspent"),
    "figure_unspent_note": ("지급액의 {percent}%", "{percent}% of the grant"),
    "figure_alerts": ("확인할 알림", "Alerts waiting"),
    "figure_quiet_tills": ("하루 넘게 소식 없는 단말기", "Tills silent over a day"),
    "by_shop_title": ("매장별 사용 포인트 ({start} ~ {end})", "Points spent by shop ({start} to {end})"),
    "by_day_title": ("일별 사용 포인트 (최근 {days}일)", "Points spent by day (last {days} days)"),
    "chart_none": ("아직 사용 내역이 없습니다.", "Nothing spent yet."),
    "chart_table_caption": ("표로 보기", "As a table"),
    "col_shop": ("매장", "Shop"),
    "col_day": ("날짜", "Day"),
    "col_sales": ("건수", "Sales"),
    "col_points": ("포인트", "Points"),
    "alerts_waiting_title": ("확인할 알림", "Alerts waiting"),
    "alerts_none": ("확인할 알림이 없습니다.", "No alerts waiting."),
    "all_alerts": ("알림 모두 보기", "See all alerts"),
    "quiet_tills_title": ("하루 넘게 소식 없는 단말기", "Tills not heard from in a day"),
    "quiet_tills_none": ("모든 단말기가 하루 안에 보냈습니다.", "Every till was heard from in the last day."),
    "col_till": ("단말기", "Till"),
    "col_last_heard": ("마지막 수신", "Last heard"),
    "never": ("없음", "never"),
    "won": ("{amount}원", "{amount} won"),
    # Alerts.
    "alerts_title": ("알림", "Alerts"),
    "alerts_filter": ("상태", "Status"),
    "status_all": ("모두", "all"),
    "status_open": ("열림", "open"),
    "status_acknowledged": ("확인 중", "acknowledged"),
    "status_resolved": ("해결됨", "resolved"),
    "show": ("보기", "Show"),
    "col_when": ("때", "When"),
    "col_kind": ("종류", "Kind"),
    "col_detail": ("내용", "Detail"),
    "col_status": ("상태", "Status"),
    "col_handled": ("처리", "Handled"),
    "col_actions": ("처리하기", "Actions"),
    "acknowledge": ("확인 중으로 표시", "Acknowledge"),
    "resolve": ("해결", "Resolve"),
    "resolve_note": ("확인한 내용이나 조치", "What was found or done"),
    "alert_acknowledged": ("알림 {alert}을(를) 확인 중으로 표시했습니다.", "Alert {alert} acknowledged."),
    "alert_resolved": ("알림 {alert}을(를) 해결했습니다.", "Alert {alert} resolved."),
    "alerts_empty": ("이 상태의 알림이 없습니다.", "No alerts with this status."),
    # Participants.
    "participants_title": ("참여자", "Participants"),
    "participants_search": ("참여자 번호, 카드 번호 또는 이름", "Participant id, card number or name"),
    "search": ("찾기", "Search"),
    "participants_logged": (
        "참여자 정보를 볼 때마다 누가 언제 봤는지 작업 기록에 남습니다.",
        "Every participant you look at is recorded in the audit log under your name.",
    ),
    "participants_masked": (
        "열람자 역할에는 이름이 가려져 보입니다 (홍*동).",
        "The viewer role sees names masked (홍*동).",
    ),
    "participants_found": ("{count}명 찾음", "{count} found"),
    "participants_too_many": (
        "{count}명이 맞습니다: 이름이 가려진 목록입니다. 더 좁혀서 찾으세요.",
        "{count} match: names are masked. Narrow the search.",
    ),
    "participants_none": ("맞는 참여자가 없습니다.", "No participant matches."),
    "unspent_title": ("포인트가 남은 참여자 (남은 금액 순)", "Participants holding points (largest first)"),
    "col_participant": ("참여자 번호", "Participant"),
    "col_name": ("이름", "Name"),
    "col_centre": ("지역자활센터", "Centre"),
    "col_workplace": ("사업단/기업", "Workplace"),
    "col_balance": ("잔액", "Balance"),
    "col_card": ("카드", "Card"),
    "col_expires": ("만료", "Expires"),
    "col_last_sale": ("마지막 사용", "Last sale"),
    "col_total": ("합계", "Total"),
    "cards_heading": ("카드", "Cards"),
    "sales_heading": ("최근 사용", "Recent sales"),
    # Audit log.
    "audit_title": ("작업 기록", "Audit log"),
    "audit_action": ("작업", "Action"),
    "audit_operator": ("사용자", "Operator"),
    "audit_any": ("전체", "any"),
    "audit_empty": ("맞는 기록이 없습니다.", "No entries match."),
    "col_target": ("대상", "Target"),
    "col_figures": ("내용", "Details"),
    "audit_shown": ("최근 {count}건", "newest {count}"),
    # Card and sale states.
    "card_active": ("사용 중", "active"),
    "card_online_only": ("온라인만", "online only"),
    "card_revoked": ("정지", "revoked"),
    "card_replaced": ("재발급됨", "replaced"),
    "card_expired": ("만료", "expired"),
    "sale_posted": ("승인", "posted"),
    "sale_rejected": ("거절", "rejected"),
    "sale_cancelled": ("취소", "cancelled"),
}

# Alert kinds in words (an unknown kind shows its code).
ALERT_KINDS: dict[str, tuple[str, str]] = {
    "card_drained": ("한 번에 잔액 대부분 사용", "most of a card's points in one sale"),
    "many_sales_one_shop": ("한 매장에서 하루 여러 번", "many sales at one shop in a day"),
    "repeated_amount": ("같은 금액 반복", "the same amount repeated"),
    "two_shops_quickly": ("짧은 시간에 두 매장", "two shops within minutes"),
    "outside_hours": ("영업시간 밖 사용", "a sale outside opening hours"),
    "offline_claim_disputed": ("오프라인 한도 초과 청구", "offline claims beyond the rules"),
    "dispute_accepted": ("이의 청구 승인", "disputed claim accepted"),
    "dispute_rejected": ("이의 청구 거절", "disputed claim rejected"),
}


def language(choice: str | None) -> str:
    lang = (choice or "").lower()
    return lang if lang in LANGS else DEFAULT_LANG


def kind_label(kind: str, lang: str = DEFAULT_LANG) -> str:
    pair = ALERT_KINDS.get(kind)
    return pair[LANGS.index(lang)] if pair and lang in LANGS else kind


def text(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The sentence for ``key`` (a console word, or a ledger refusal code) in ``lang``."""
    pair = MESSAGES.get(key) or LEDGER_MESSAGES.get(key)
    if pair is None:
        details = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{key} ({details})" if details else key
    template = pair[LANGS.index(lang)] if lang in LANGS else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
