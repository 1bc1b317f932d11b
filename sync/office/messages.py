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
    "nav_cards": ("카드", "Cards"),
    "nav_settlement": ("정산", "Settlement"),
    "nav_shops": ("매장·단말기", "Shops and tills"),
    "nav_alerts": ("알림", "Alerts"),
    "nav_disputes": ("분쟁 청구", "Disputed claims"),
    "nav_backups": ("백업", "Backups"),
    "nav_operators": ("사용자", "Operators"),
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
    # Participants import.
    "import_link": ("참여자 명단 가져오기 (CSV)", "Import the participant list (CSV)"),
    "import_title": ("참여자 명단 가져오기", "Import the participant list"),
    "back_to_participants": ("← 참여자", "← Participants"),
    "import_intro": (
        "엑셀에서 저장한 CSV 파일(UTF-8 또는 CP949)을 고르세요. 먼저 미리보기로 누가 지급 대상인지, "
        "아닌 사람은 왜 아닌지 보여 주며, 이때는 아무것도 저장하지 않습니다. 주민등록번호가 든 파일은 "
        "받지 않습니다.",
        "Choose the CSV saved from Excel (UTF-8 or CP949). A preview first shows who is eligible and "
        "why the others are not; nothing is written until you import. A file holding resident "
        "registration numbers is refused.",
    ),
    "import_file": ("CSV 파일", "CSV file"),
    "import_min_months": ("전년도 최소 참여 개월", "Minimum months last year"),
    "import_preview_button": ("미리보기", "Preview"),
    "import_preview_title": ("미리보기: {file}", "Preview: {file}"),
    "import_preview_summary": (
        "{count}명 ({encoding}): 지급 대상 {eligible}명, 대상 아님 {others}명.",
        "{count} participants ({encoding}): {eligible} eligible, {others} not.",
    ),
    "import_nothing_written": (
        "아직 아무것도 저장하지 않았습니다. 확인한 뒤 가져오기를 누르세요. 대상이 아닌 사람은 "
        "'참여 중 아님'으로 저장되어 지급에서 빠집니다.",
        "Nothing is written yet. Check the list, then press Import. Those not eligible are stored "
        "as not active, so the grant passes them over.",
    ),
    "import_button": ("가져오기 ({count}명)", "Import ({count})"),
    "import_cancel": ("취소", "Cancel"),
    "import_refused": (
        "파일 {file}을(를) 가져올 수 없습니다. 아무것도 저장하지 않았습니다.",
        "The file {file} cannot be imported. Nothing was written.",
    ),
    "import_too_large": ("파일이 너무 큽니다 (2MB까지).", "The file is too large (2 MB at most)."),
    "import_done": (
        "{count}명을 가져왔습니다 ({encoding}); 지급 대상 {eligible}명. 작업 기록에 남았습니다.",
        "Imported {count} participants ({encoding}); {eligible} eligible. Recorded in the audit log.",
    ),
    "col_months": ("전년도 개월", "Months"),
    "col_active": ("참여 중", "Active"),
    "col_verdict": ("지급 대상", "Eligible"),
    "eligible_short": ("대상", "eligible"),
    "not_eligible_short": ("대상 아님", "not eligible"),
    # Cards.
    "cards_title": ("카드", "Cards"),
    "card_number": ("카드 번호 (12자리)", "Card number (12 digits)"),
    "cards_logged": (
        "카드를 조회하면 소유자 조회로 작업 기록에 남습니다. 이름은 가려서 보입니다 (홍*동).",
        "Looking a card up is recorded in the audit log as a view of its holder. Names are masked (홍*동).",
    ),
    "card_not_found": (
        "카드 {card}을(를) 찾을 수 없습니다. 카드 번호 12자리를 모두 적으세요.",
        "No card {card}. Give all 12 digits of the card number.",
    ),
    "col_holder": ("소유자", "Holder"),
    "holder_cards": ("이 참여자의 카드", "This participant's cards"),
    "reason": ("이유", "Reason"),
    "revoke_title": ("카드 정지", "Stop the card"),
    "revoke_help": (
        "분실·도난·부정 사용 때 카드를 정지합니다. 포인트는 카드에 남고, 재발급하면 새 카드로 옮겨집니다.",
        "Stop a lost, stolen or misused card. The points stay on it and move to a new card when it is replaced.",
    ),
    "revoke_button": ("카드 정지", "Revoke"),
    "replace_title": ("카드 재발급", "Replace the card"),
    "replace_help": (
        "새 카드를 만들고 잔액 {amount}원을 옮깁니다. 이 카드는 더 이상 쓸 수 없습니다.",
        "Issues a new card and moves the {amount} won balance to it. This card stops working.",
    ),
    "replace_button": ("재발급", "Replace"),
    "card_needs_reason": (
        "이유를 적으세요 (작업 기록에 남습니다).",
        "Give the reason (kept in the audit log).",
    ),
    "card_revoked_done": ("카드 {card}을(를) 정지했습니다.", "Card {card} is revoked."),
    "card_replaced_done": (
        "카드 {old}을(를) 재발급했습니다: 새 카드 {new}, 옮긴 잔액 {amount}원.",
        "Card {old} replaced by {new}; {amount} won moved to it.",
    ),
    "card_sheet_download": ("새 카드 인쇄용 PDF 내려받기", "Download the new card's printable PDF"),
    "card_sheet_elsewhere": (
        "카드 발급 키는 이 서버에 두지 않습니다. 발급 키를 가진 사무국 PC에서 "
        "`allive-admin issue-cards --participant {participant} --key-file … --out-dir …`로 새 카드를 인쇄하세요.",
        "The issuer key is not kept on this server. Print the new card on the office PC that holds the "
        "key: `allive-admin issue-cards --participant {participant} --key-file … --out-dir …`.",
    ),
    "card_sheet_no_key": (
        "이 카드 연도의 발급 키가 서버의 키 폴더에 없습니다. 발급 키를 가진 PC에서 "
        "`allive-admin issue-cards --participant {participant} --key-file … --out-dir …`로 인쇄하세요.",
        "This card's year has no issuer key in the server's key folder. Print it where the key is: "
        "`allive-admin issue-cards --participant {participant} --key-file … --out-dir …`.",
    ),
    "card_not_printable": (
        "카드 {card}은(는) 인쇄할 수 있는 카드가 아닙니다.",
        "Card {card} cannot be printed.",
    ),
    "card_key_missing_title": ("발급 키가 없습니다", "No issuer key"),
    "card_key_missing": (
        "카드 {card}의 연도 발급 키가 이 서버에 없습니다: allive-admin issue-cards로 인쇄하세요.",
        "This server has no issuer key for card {card}'s year: print it with allive-admin issue-cards.",
    ),
    "card_key_unreadable": (
        "발급 키 파일을 읽을 수 없습니다: 관리자에게 알리고 allive-admin issue-cards로 인쇄하세요.",
        "The issuer key file cannot be read: tell an admin and print with allive-admin issue-cards.",
    ),
    # Settlement.
    "settlement_title": ("정산", "Settlement"),
    "month": ("월 (YYYY-MM)", "Month (YYYY-MM)"),
    "month_invalid": (
        "'{month}'은(는) 월이 아닙니다: YYYY-MM으로 적으세요.",
        "'{month}' is not a month: give YYYY-MM.",
    ),
    "settlement_period": ("{start} ~ {end} 영업일 (한국 시간)", "Business days {start} to {end} (KST)"),
    "col_bank": ("입금 계좌", "Bank account"),
    "col_refunds": ("환불", "Refunds"),
    "col_disputed": ("승인된 분쟁", "Disputed accepted"),
    "col_net": ("지급할 금액", "Owed for the month"),
    "col_paid": ("지급함", "Paid"),
    "col_owed": ("남은 금액", "Balance"),
    "col_files": ("정산서", "Statement"),
    "bank_missing": ("계좌 없음", "no bank account"),
    "bank_file_download": ("이체 파일 내려받기 (CSV)", "Download the bank transfer file (CSV)"),
    "bank_file_summary": (
        "이체 파일: {count}개 매장, 합계 {total}원.",
        "Transfer file: {count} shops, {total} won in all.",
    ),
    "bank_file_problems_title": ("이체 파일에서 빠지는 매장", "Shops left out of the transfer file"),
    "payment_title": ("지급 기록", "Record a payment"),
    "payment_help": (
        "은행이 이체한 뒤 은행 거래번호로 기록합니다. 같은 거래번호를 다시 넣으면 '이미 기록됨'으로 답하고 아무것도 바꾸지 않습니다.",
        "Record a transfer once the bank has made it, with the bank's reference. The same reference "
        "again is answered 'already recorded' and changes nothing.",
    ),
    "amount_won": ("금액 (원)", "Amount (won)"),
    "bank_reference": ("은행 거래번호", "Bank reference"),
    "paid_on": ("지급일", "Paid on"),
    "payment_button": ("지급 기록", "Record the payment"),
    "paid_on_invalid": (
        "지급일 '{paid_on}'은(는) YYYY-MM-DD여야 합니다.",
        "Paid on '{paid_on}' must be YYYY-MM-DD.",
    ),
    # Shops and tills.
    "shops_title": ("매장과 단말기", "Shops and tills"),
    "shops_heading": ("매장", "Shops"),
    "col_shop_id": ("매장 ID", "Shop id"),
    "col_account": ("계좌번호", "Account"),
    "col_holder_name": ("예금주", "Holder"),
    "shops_cli_hint": (
        "계좌 번호는 이체 파일에만 전부 나옵니다. 단말기 설정 파일에는 토큰이 들어 있어 한 번만 내려받을 수 있습니다.",
        "Account numbers appear in full only in the transfer file. A till's settings file holds its "
        "token and is given once.",
    ),
    "shop_add": ("매장 추가", "Add a shop"),
    "shop_add_button": ("매장 추가", "Add the shop"),
    "shop_added_done": ("매장 {shop_id}을(를) 추가했습니다.", "Shop {shop_id} added."),
    "shop_name": ("상호", "Name"),
    "business_no": ("사업자등록번호", "Business registration no."),
    "representative": ("대표자", "Representative"),
    "address": ("주소", "Address"),
    "phone": ("전화", "Phone"),
    "till_enrol": ("단말기 등록", "Enrol a till"),
    "till_enrol_button": ("등록하고 설정 파일 받기", "Enrol and download its settings"),
    "till_settings_once": (
        "단말기의 설정 파일(토큰 포함)을 바로 내려받습니다. 다시 받을 수 없으니 매장 PC로 안전하게 옮기세요.",
        "The till's settings file (with its token) downloads at once. It cannot be downloaded again: "
        "take it to the shop's PC safely.",
    ),
    "ledger_url": ("원장 주소", "Ledger address"),
    "till_rotate": ("새 토큰", "New token"),
    "till_rotate_help": (
        "새 설정 파일을 내려받고, 이전 토큰은 지금부터 거절됩니다 (도난·교체한 PC).",
        "Downloads a new settings file; the old token is refused from now on (a stolen or replaced PC).",
    ),
    "till_rotate_button": ("새 토큰 만들기", "Make a new token"),
    "shop_bank_add": ("계좌 등록", "Add the bank account"),
    "shop_bank_change": ("계좌 변경", "Change the bank account"),
    "shop_bank_saved": ("{shop_id}의 입금 계좌를 저장했습니다.", "Bank account of {shop_id} saved."),
    "save": ("저장", "Save"),
    "account_holder_empty": ("예금주를 적으세요.", "Give the account holder."),
    "tills_heading": ("단말기", "Tills"),
    "col_enrolled": ("등록", "Enrolled"),
    "col_last_entry": ("마지막 수신", "Last entry received"),
    "col_held": ("대기", "Held"),
    "col_last_snapshot": ("마지막 카드 목록", "Last snapshot"),
    "till_disable_reason": ("정지 이유", "Why"),
    "till_disable": ("정지", "Disable"),
    "till_enable": ("다시 사용", "Enable"),
    "till_needs_reason": (
        "단말기 {till_id}을(를) 정지하는 이유를 적으세요.",
        "Give the reason for disabling till {till_id}.",
    ),
    # Disputed offline claims.
    "disputes_title": ("분쟁 청구 (오프라인)", "Disputed offline claims"),
    "disputes_intro": (
        "단말기가 오프라인일 때 한도를 넘었거나 규칙에 맞지 않는 포인트 사용입니다. 승인하면 매장에 지급되고, 거절하면 지급하지 않습니다.",
        "Points taken offline beyond the caps or the rules. Accepting pays the shop; rejecting does not.",
    ),
    "dispute_status_all": ("모두", "all"),
    "dispute_status_open": ("처리 대기", "open"),
    "dispute_status_accepted": ("승인", "accepted"),
    "dispute_status_rejected": ("거절", "rejected"),
    "disputes_empty": ("이 상태의 분쟁 청구가 없습니다.", "No disputed claims with this status."),
    "col_reason": ("이유", "Reason"),
    "dispute_accept": ("승인 (지급)", "Accept (pay)"),
    "dispute_reject": ("거절", "Reject"),
    "dispute_accepted_done": (
        "분쟁 청구 {dispute}을(를) 승인했습니다.",
        "Disputed claim {dispute} accepted.",
    ),
    "dispute_rejected_done": (
        "분쟁 청구 {dispute}을(를) 거절했습니다.",
        "Disputed claim {dispute} rejected.",
    ),
    "dispute_needs_decision": ("승인 또는 거절을 고르세요.", "Choose accept or reject."),
    "dispute_needs_note": ("처리 이유를 적으세요.", "Give the reason for the decision."),
    # Backups.
    "backups_title": ("백업", "Backups"),
    "backup_none": (
        "기록된 백업이 없습니다. 서버에서 allive-admin backup을 실행하고 매일 밤 돌도록 설정하세요.",
        "No backup is recorded. Run allive-admin backup on the server and schedule it every night.",
    ),
    "backup_last": ("마지막 백업", "Last backup"),
    "backup_last_detail": (
        "{operator}이(가) {path}에 저장 ({hours}시간 전).",
        "By {operator} to {path} ({hours} hours ago).",
    ),
    "backup_old": (
        "마지막 백업이 {hours}시간 전입니다: 오늘 밤 백업이 돌았는지 확인하세요.",
        "The last backup is {hours} hours old: check that the nightly backup runs.",
    ),
    "backup_how": (
        "백업은 서버에서 실행합니다 (매일 밤, 그리고 연말 작업과 업그레이드 전). 파일과 .sha256을 서버 밖 두 곳에 복사하세요.",
        "Backups run on the server (every night, and before year-end steps and upgrades). Copy each "
        "file and its .sha256 off the server to two places.",
    ),
    "backup_recent": ("최근 백업", "Recent backups"),
    "col_file": ("파일", "File"),
    "col_size": ("크기 (바이트)", "Size (bytes)"),
    # Operators.
    "operators_title": ("사무국 사용자", "Office operators"),
    "operators_intro": (
        "관리자만 봅니다. 비밀번호는 10자 이상이며, 비밀번호를 바꾸거나 정지하면 그 사용자의 열린 세션이 바로 끝납니다.",
        "Admins only. Passwords have at least 10 characters; a new password or disabling ends the "
        "operator's open sessions at once.",
    ),
    "col_role": ("역할", "Role"),
    "col_failed": ("연속 실패", "Failed"),
    "col_locked_until": ("잠김 해제", "Locked until"),
    "col_created": ("만든 때", "Created"),
    "operator_add": ("사용자 추가", "Add an operator"),
    "operator_add_button": ("추가", "Add"),
    "display_name": ("표시 이름", "Display name"),
    "password_again_label": ("비밀번호 다시", "Password again"),
    "operator_disable": ("정지", "Disable"),
    "operator_new_password": ("새 비밀번호", "New password"),
    "operator_new_password_button": ("비밀번호 바꾸기", "Set the password"),
    "operator_added_done": ("사용자 {username}을(를) 추가했습니다.", "Operator {username} added."),
    "password_mismatch_form": ("두 번 입력한 비밀번호가 다릅니다.", "The two passwords differ."),
    "operator_not_self": ("자기 자신은 정지할 수 없습니다.", "You cannot disable yourself."),
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
