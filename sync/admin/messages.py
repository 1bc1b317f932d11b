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
    "backup_exists": (
        "{path}이(가) 이미 있습니다: 백업은 덮어쓰지 않습니다 (날짜가 든 새 이름을 고르세요).",
        "{path} exists: a backup is never overwritten (choose a new name, with the date)",
    ),
    "backup_missing": ("백업 파일 {path}이(가) 없습니다.", "no backup file {path}"),
    "backup_checksum_missing": (
        "확인 파일 {path}이(가) 없거나 읽을 수 없습니다: 백업과 함께 복사하세요. 아무것도 바꾸지 않았습니다.",
        "the checksum file {path} is missing or unreadable: copy it with the backup. Nothing was changed",
    ),
    "backup_checksum_mismatch": (
        "백업 {path}이(가) 손상되었습니다 (SHA-256 {actual}, 기록된 값 {expected}): "
        "다른 사본을 쓰세요. 아무것도 바꾸지 않았습니다.",
        "the backup {path} is damaged (SHA-256 {actual}, recorded {expected}): use another copy. "
        "Nothing was changed",
    ),
    "backup_kind_mismatch": (
        "{path}은(는) {kind} 백업입니다: {database} 데이터베이스에 복원할 수 없습니다.",
        "{path} is a {kind} backup: it cannot be restored into a {database} database",
    ),
    "backup_not_ledger": (
        "{path}은(는) 원장 백업이 아닙니다 (스키마 하나의 pg_dump 파일이어야 함).",
        "{path} is not a ledger backup (a pg_dump archive of one schema)",
    ),
    "backup_needs_file": (
        "메모리 데이터베이스는 백업하거나 복원할 수 없습니다: sqlite:///파일경로 를 주세요.",
        "an in-memory database cannot be backed up or restored: give sqlite:///path",
    ),
    "backup_tool_missing": (
        "{tool}이(가) 없습니다: apt-get install postgresql-client-15 로 설치하세요.",
        "{tool} is missing: install it with apt-get install postgresql-client-15",
    ),
    "backup_tool_too_old": (
        "{tool} ({version})이(가) PostgreSQL 서버 {server}보다 오래되었습니다: "
        "postgresql-client-{server} 이상을 설치하세요.",
        "{tool} ({version}) is older than the PostgreSQL server {server}: "
        "install postgresql-client-{server} or newer",
    ),
    "backup_tool_failed": (
        "{tool}이(가) 실패했습니다: {error}. 아무것도 바꾸지 않았습니다.",
        "{tool} failed: {error}. Nothing was changed",
    ),
    "restore_not_empty": (
        "복원할 데이터베이스가 비어 있지 않습니다 ({where}에 테이블 {tables}개): "
        "새 빈 데이터베이스에만 복원합니다. 아무것도 바꾸지 않았습니다.",
        "the database to restore into is not empty ({tables} table(s) in {where}): "
        "restore only into a new, empty database. Nothing was changed",
    ),
    "restore_schema_not_searched": (
        "이 백업의 스키마는 {schema}이지만 데이터베이스 URL은 {search_path}에서 찾습니다: "
        "URL에 options=-csearch_path%3D{schema} 를 주세요.",
        "this backup holds schema {schema} but the database URL looks in {search_path}: "
        "add options=-csearch_path%3D{schema} to the URL",
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
    "tills_header": (
        "단말기\t매장\t등록\t상태\t마지막 항목\t받은 시각\t보류\t스냅샷\t스냅샷 시각",
        "till\tshop\tenrolled\tstate\tlast entry\treceived\theld\tsnapshot\tsnapshot at",
    ),
    "till_active": ("사용 중", "active"),
    "till_disabled_state": ("정지", "disabled"),
    "no_tills": ("등록된 단말기가 없습니다.", "no tills are enrolled"),
    "till_disabled": (
        "단말기 {till_id}을(를) 정지했습니다: 이 단말기의 전송과 카드 목록 요청을 지금부터 거절합니다.",
        "till {till_id} disabled: its pushes and snapshot requests are refused from now on",
    ),
    "till_enabled": ("단말기 {till_id}을(를) 다시 사용합니다.", "till {till_id} is enabled again"),
    "till_token_rotated": (
        "단말기 {till_id}의 새 토큰을 {path}에 저장했습니다; 이전 토큰은 지금부터 거절됩니다.",
        "till {till_id} has a new token, written to {path}; the old token is refused from now on",
    ),
    "till_token_rotated_printed": (
        "단말기 {till_id}의 새 토큰입니다; 이전 토큰은 지금부터 거절됩니다.",
        "till {till_id} has a new token; the old token is refused from now on",
    ),
    "till_still_disabled": (
        "단말기 {till_id}은(는) 아직 정지 상태입니다: 새 PC를 설치한 뒤 enable-till로 다시 켜세요.",
        "till {till_id} is still disabled: enable it with enable-till once the new PC is set up",
    ),
    "backup_written": (
        "백업 {path} ({size}바이트), SHA-256 {sha256}; 확인 파일 {checksum}",
        "backup {path} ({size} bytes), SHA-256 {sha256}; checksum file {checksum}",
    ),
    "backup_previous": ("이전 백업: {at}, {operator}, {path}", "previous backup: {at} by {operator}, {path}"),
    "backup_first": ("이 원장의 첫 백업입니다.", "this is the ledger's first backup"),
    "backup_copy_off": (
        "이 파일과 확인 파일을 서버 밖 두 곳에 복사하세요.",
        "copy this file and its checksum file off the server, to two places",
    ),
    "restored": (
        "{path}에서 복원했습니다 (SHA-256 {sha256} 확인됨). 검증 결과:",
        "restored from {path} (SHA-256 {sha256} checked). Verification:",
    ),
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
    "cards_written_groups": (
        "카드 {count}장을 센터·사업단별 {groups}묶음으로, 묶음마다 수령 목록과 함께 {pages}쪽: {path}, cards.csv",
        "{count} card(s) in {groups} group(s) by centre and workplace, each with its receipt list, "
        "on {pages} page(s): {path} and cards.csv",
    ),
    # The card sheet's receipt list (sync.admin.card_sheet), always printed in Korean.
    "sheet_title": ("카드 수령 확인", "Card receipt list"),
    "sheet_summary": ("카드 {count}장", "{count} card(s)"),
    "sheet_printed_on": ("출력일 {date}", "printed {date}"),
    "sheet_instructions": (
        "본인 확인 후 카드를 드리고, 받은 분이 수령 서명란에 서명합니다.",
        "check who the participant is, hand over the card, and have them sign for it",
    ),
    "sheet_col_no": ("순번", "No."),
    "sheet_col_card": ("카드 번호", "Card number"),
    "sheet_col_name": ("이름", "Name"),
    "sheet_col_participant": ("참여자번호", "Participant"),
    "sheet_col_signature": ("수령 서명", "Signature"),
    "sheet_handed_by": (
        "전달한 담당자: ____________________    서명: ____________________",
        "handed out by: ____________________    signature: ____________________",
    ),
    "sheet_no_centre": ("센터 미지정", "no centre"),
    "sheet_no_workplace": ("사업단 미지정", "no workplace"),
    "sheet_list_footer": (
        "{group} — 수령 목록 {page}/{pages}쪽",
        "{group} — receipt list, page {page} of {pages}",
    ),
    "sheet_cards_footer": (
        "{group} — 카드 {page}/{pages}쪽 (이 줄은 잘라 냅니다)",
        "{group} — cards, page {page} of {pages} (cut this line off)",
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
    # Settlement with the shops: refusals (LedgerError codes), what the commands report, and the
    # words of the statement and the transfer file.
    "bank_unknown": (
        "모르는 은행 '{bank}': 다음 중 하나를 적으세요: {banks}",
        "unknown bank '{bank}': give one of {banks}",
    ),
    "account_no_invalid": (
        "계좌번호 '{account}'에는 숫자와 하이픈(-)만 쓸 수 있습니다.",
        "account number '{account}' may hold only digits and hyphens",
    ),
    "account_no_length": (
        "계좌번호 '{account}'의 숫자는 {low}~{high}자리여야 합니다.",
        "account number '{account}' must have {low} to {high} digits",
    ),
    "account_holder_empty": ("예금주(--holder)를 적으세요.", "give the account holder (--holder)"),
    "account_holder_invalid": (
        "예금주는 {length}자 이내의 글자로 적으세요.",
        "the account holder must be at most {length} printable characters",
    ),
    "settlement_month_invalid": (
        "'{month}'은(는) 월이 아닙니다: YYYY-MM으로 적으세요 (예: 2026-11).",
        "'{month}' is not a month: give YYYY-MM (e.g. 2026-11)",
    ),
    "settlement_period_invalid": (
        "정산 기간의 끝({last})이 시작({first})보다 앞입니다.",
        "the period ends ({last}) before it starts ({first})",
    ),
    "payment_amount_invalid": (
        "지급액은 0보다 커야 합니다 ({amount}원).",
        "the amount paid must be positive ({amount} won)",
    ),
    "payment_reference_empty": (
        "은행 거래번호(--reference)를 적으세요: 같은 지급이 두 번 기록되지 않게 합니다.",
        "give the bank's reference (--reference): it keeps a payment from being recorded twice",
    ),
    "payment_reference_invalid": (
        "은행 거래번호는 {length}자 이내의 글자로 적으세요.",
        "the bank's reference must be at most {length} printable characters",
    ),
    "payment_in_future": (
        "지급일 {paid_on}이(가) 오늘({today})보다 뒤입니다: 실제로 이체한 날을 적으세요.",
        "paid on {paid_on} is after today ({today}): give the day the bank paid",
    ),
    "payment_before_period": (
        "지급일 {paid_on}이(가) 정산 기간의 시작({start})보다 앞입니다: 기간이나 지급일을 확인하세요.",
        "paid on {paid_on} is before the period starts ({start}): check the month or the day",
    ),
    "payment_reference_conflict": (
        "거래번호 {reference}은(는) 이미 다른 내용으로 기록되어 있습니다 "
        "({shop_id}, {period}, {amount}원, {paid_on} 지급): 거래번호를 확인하세요. 아무것도 바꾸지 않았습니다.",
        "reference {reference} is recorded already with other figures ({shop_id}, {period}, {amount} won, "
        "paid on {paid_on}): check the reference. Nothing was changed",
    ),
    "payment_exceeds_owed": (
        "{shop_id}의 {period} 미지급 잔액은 {owed}원입니다: {amount}원은 기록할 수 없습니다.",
        "shop {shop_id} is owed {owed} won for {period}: {amount} won cannot be recorded",
    ),
    "payment_exceeds_account": (
        "매장 {shop_id}의 장부상 미지급액은 {held}원입니다 (다른 기간의 환불 또는 기간 없는 정산): "
        "{amount}원은 기록할 수 없습니다.",
        "shop {shop_id}'s account holds {held} won (refunds in another period, or a settlement without "
        "a period): {amount} won cannot be recorded",
    ),
    "shop_bank_set": (
        "매장 {shop_id}의 입금 계좌: {bank} {account} (예금주 {holder})",
        "shop {shop_id} is paid to {bank} {account} (holder {holder})",
    ),
    "shop_bank_missing": (
        "매장 {shop_id}에는 입금 계좌가 없습니다: --bank, --account, --holder로 등록하세요.",
        "shop {shop_id} has no bank account: set it with --bank, --account and --holder",
    ),
    "shop_bank_partial": (
        "계좌를 바꾸려면 --bank, --account, --holder를 모두 적으세요.",
        "to set the account give all of --bank, --account and --holder",
    ),
    "statement_needs_shop": (
        "정산 내역서를 만들 매장 ID를 적거나 --all을 주세요.",
        "name the shop(s) to write statements for, or give --all",
    ),
    "shop_banks_header": ("매장\t이름\t은행\t계좌번호\t예금주", "shop\tname\tbank\taccount\tholder"),
    "statement_written": (
        "{shop_id} {period} 정산: 정산 금액 {net}원, 지급 {paid}원, 미지급 잔액 {balance}원 ({csv}, {pdf})",
        "{shop_id} {period}: owed {net} won, paid {paid} won, balance {balance} won ({csv}, {pdf})",
    ),
    "bank_file_written": (
        "{period} 이체 파일 {path}: 매장 {count}곳, 합계 {total}원",
        "{period} transfer file {path}: {count} shop(s), {total} won in all",
    ),
    "transfer_no_bank": (
        "{shop_id} ({name}): {amount}원을 지급해야 하지만 입금 계좌가 없습니다. "
        "`allive-admin shop-bank {shop_id} --bank … --account … --holder …`로 등록한 뒤 다시 만드세요.",
        "{shop_id} ({name}) is owed {amount} won but has no bank account: set it with "
        "`allive-admin shop-bank {shop_id} --bank … --account … --holder …` and make the file again",
    ),
    "transfer_negative": (
        "{shop_id} ({name}): 이 기간 잔액이 {amount}원입니다 (지급 뒤에 환불이 기록됨). 이체하지 않습니다.",
        "{shop_id} ({name}): the period's balance is {amount} won (refunds recorded after it was paid); "
        "nothing to transfer",
    ),
    "transfer_over_account": (
        "{shop_id} ({name}): 이 기간 잔액 {amount}원이 장부상 미지급액 {held}원보다 큽니다 "
        "(다른 기간의 환불 또는 기간 없는 정산). 확인한 뒤 지급하세요.",
        "{shop_id} ({name}): the period's balance of {amount} won is more than the {held} won its account "
        "holds (refunds in another period, or a settlement without a period); check before paying",
    ),
    "bank_file_problems": (
        "위 {count}개 매장은 이체 파일에 넣지 않았습니다.",
        "the {count} shop(s) above are not in the transfer file",
    ),
    "payment_recorded": (
        "{shop_id} {period} 지급 {amount}원을 기록했습니다 (거래번호 {reference}, {paid_on} 지급); "
        "이 기간 미지급 잔액 {balance}원.",
        "recorded {amount} won paid to {shop_id} for {period} (reference {reference}, paid on {paid_on}); "
        "{balance} won left to pay for the period",
    ),
    "payment_already_recorded": (
        "거래번호 {reference}의 지급은 이미 기록되어 있습니다 ({shop_id}, {period}, {amount}원): "
        "아무것도 바꾸지 않았습니다.",
        "the payment with reference {reference} is recorded already ({shop_id}, {period}, {amount} won): "
        "nothing was changed",
    ),
    "transfer_memo": ("올리브 {period} 정산 {shop_id}", "ALL-LIVE {period} settlement {shop_id}"),
    "transfer_columns": (
        "은행,은행코드,계좌번호,예금주,금액,메모,매장",
        "bank,bank code,account,holder,amount,memo,shop",
    ),
    "stmt_title": ("올리브 마켓 포인트 정산 내역서", "ALL-LIVE Market points settlement statement"),
    "stmt_shop": ("매장", "Shop"),
    "stmt_business_no": ("사업자등록번호", "Business registration no."),
    "stmt_representative": ("대표자", "Representative"),
    "stmt_period": ("정산 기간", "Period"),
    "stmt_period_days": ("{start} ~ {end}", "{start} to {end}"),
    "stmt_account": ("입금 계좌", "Paid to"),
    "stmt_account_missing": ("등록된 계좌 없음", "no bank account registered"),
    "stmt_issued": ("발행", "Issued"),
    "stmt_summary": ("정산 요약", "Summary"),
    "stmt_points": ("포인트 결제", "Points taken"),
    "stmt_refunds": ("포인트 환불·취소", "Points refunded or cancelled"),
    "stmt_disputes_accepted": ("승인된 분쟁 청구", "Disputed claims accepted"),
    "stmt_net": ("정산 금액", "Owed for the period"),
    "stmt_paid": ("지급액", "Paid"),
    "stmt_balance": ("미지급 잔액", "Balance to pay"),
    "stmt_by_day": ("일별 내역", "By day"),
    "stmt_weekdays": ("월,화,수,목,금,토,일", "Mon,Tue,Wed,Thu,Fri,Sat,Sun"),
    "stmt_day_columns": (
        "날짜,요일,결제 건수,포인트 결제,환불·취소,합계",
        "date,day,sales,points taken,refunded,net",
    ),
    "stmt_total": ("합계", "Total"),
    "stmt_disputes": (
        "분쟁 청구 (오프라인 한도를 넘은 결제)",
        "Disputed claims (offline sales beyond the limits)",
    ),
    "stmt_dispute_columns": (
        "판매 시각,단말기,청구액,사유,상태,처리 시각,이번 정산 반영",
        "sale time,till,claimed,reason,status,decided,in this statement",
    ),
    "stmt_no_disputes": ("이 기간의 분쟁 청구 없음", "none in this period"),
    "stmt_payments": ("지급 내역", "Payments"),
    "stmt_payment_columns": ("은행 거래번호,지급일,금액", "bank reference,paid on,amount"),
    "stmt_no_payments": ("아직 지급 없음", "none yet"),
    "stmt_rule": (
        "판매는 단말기 시각의 영업일(한국 시간), 환불·취소는 그 항목의 영업일, 분쟁 청구는 승인한 날에 "
        "반영합니다. 금액 단위: 원.",
        "Sales count on the business day (KST) of the till's time, refunds and cancellations on theirs, "
        "disputed claims on the day they were accepted. Amounts in won.",
    ),
    "stmt_page": ("{page} / {pages}", "{page} / {pages}"),
    "dispute_status_open": ("처리 대기", "open"),
    "dispute_status_accepted": ("승인", "accepted"),
    "dispute_status_rejected": ("거절", "rejected"),
    "dispute_reason_over_card_daily_cap": (
        "카드 하루 오프라인 한도 초과",
        "over the card's daily offline cap",
    ),
    "dispute_reason_over_till_cap": ("단말기 오프라인 한도 초과", "over the till's offline cap"),
    "dispute_reason_snapshot_too_old": ("카드 목록이 오래됨", "card list too old"),
    "dispute_reason_snapshot_unknown": ("모르는 카드 목록", "unknown card list"),
    "dispute_reason_card_revoked": ("정지된 카드", "card revoked"),
    "dispute_reason_card_replaced": ("재발급된 카드", "card replaced"),
    "dispute_reason_card_expired": ("유효기간 지난 카드", "card expired"),
    "dispute_reason_card_unknown": ("모르는 카드", "unknown card"),
    "dispute_reason_till_time_in_future": ("단말기 시각이 미래", "till time in the future"),
    "dispute_reason_till_time_before_snapshot": (
        "단말기 시각이 카드 목록보다 앞섬",
        "till time before its card list",
    ),
    "dispute_reason_invalid_timestamp": ("단말기 시각을 읽을 수 없음", "till time unreadable"),
    # Oversight: alerts, anomaly thresholds, reports and participant lookups.
    "alert_status_unknown": (
        "모르는 알림 상태 '{status}': {known} 중 하나를 고르세요.",
        "unknown alert status '{status}': choose one of {known}",
    ),
    "alert_unknown": ("알림 {alert}을(를) 찾을 수 없습니다.", "no alert {alert}"),
    "alert_not_open": (
        "알림 {alert}은(는) 이미 처리 중이거나 해결되었습니다 ({status}): 열린 알림만 확인할 수 있습니다.",
        "alert {alert} is {status} already: only open alerts can be acknowledged",
    ),
    "alert_needs_note": (
        "알림을 해결하려면 --note에 확인한 내용이나 조치를 적으세요.",
        "say what was found or done with --note to resolve an alert",
    ),
    "alert_already_resolved": (
        "알림 {alert}은(는) 이미 해결되었습니다 ({by}).",
        "alert {alert} is resolved already (by {by})",
    ),
    "threshold_unknown": (
        "모르는 기준 '{key}': {known} 중에서 고르세요.",
        "unknown threshold '{key}': choose from {known}",
    ),
    "threshold_invalid": (
        "기준 {key}의 값 '{value}'이(가) 맞지 않습니다: {expected} 형식으로 적으세요.",
        "threshold {key}: '{value}' does not fit; give {expected}",
    ),
    "report_by_unknown": (
        "모르는 보고서 기준 '{by}': {known} 중 하나를 고르세요.",
        "unknown report grouping '{by}': choose one of {known}",
    ),
    "lookup_empty": (
        "찾을 참여자 번호, 카드 번호 또는 이름(일부)을 적으세요.",
        "give a participant id, a card number or (part of) a name to look up",
    ),
    "programme_unknown": (
        "{year}년 사업이 없습니다: 연도를 확인하세요.",
        "there is no programme for {year}: check the year",
    ),
    # Oversight: what allive-admin report, unspent, participant, scan, alerts and thresholds print.
    "report_title": ("{period} 포인트 사용 ({by})", "points spent in {period} by {by}"),
    "report_by_centre": ("지역자활센터별", "centre"),
    "report_by_workplace": ("사업단/기업별", "workplace"),
    "report_by_shop": ("매장별", "shop"),
    "report_by_day": ("영업일별", "business day"),
    "report_header_centre": (
        "지역자활센터\t판매\t카드\t포인트\t환불 포인트\t순사용",
        "centre\tsales\tcards\tpoints\trefunded points\tnet",
    ),
    "report_header_workplace": (
        "사업단/기업\t판매\t카드\t포인트\t환불 포인트\t순사용",
        "workplace\tsales\tcards\tpoints\trefunded points\tnet",
    ),
    "report_header_shop": (
        "매장\t이름\t판매\t카드\t포인트\t환불 포인트\t순사용",
        "shop\tname\tsales\tcards\tpoints\trefunded points\tnet",
    ),
    "report_header_day": (
        "영업일\t판매\t카드\t포인트\t환불 포인트\t순사용",
        "business day\tsales\tcards\tpoints\trefunded points\tnet",
    ),
    "report_total": ("합계", "total"),
    "report_empty": (
        "{period}에 포인트로 결제한 판매가 없습니다.",
        "no sales were paid with points in {period}",
    ),
    "no_holder": ("(소지자 없는 카드)", "(cards without a holder)"),
    "csv_written": (
        "{path}에 {rows}줄을 저장했습니다 (UTF-8, 엑셀용 BOM).",
        "{rows} row(s) written to {path} (UTF-8 with BOM for Excel)",
    ),
    "unspent_header_centre": (
        "지역자활센터\t참여자\t카드\t남은 포인트\t가장 빠른 만료일",
        "centre\tparticipants\tcards\tpoints left\tfirst expiry",
    ),
    "unspent_header_participant": (
        "참여자번호\t이름\t지역자활센터\t사업단/기업\t카드\t남은 포인트\t만료일\t마지막 사용일",
        "participant\tname\tcentre\tworkplace\tcards\tpoints left\texpires\tlast spent",
    ),
    "unspent_none": ("남은 포인트가 없습니다.", "no points are left on any card"),
    "unspent_total": ("합계: 참여자 {people}명, {amount}원", "total: {people} participant(s), {amount} won"),
    "unspent_centre_needs_participant": (
        "--centre는 --by participant와 함께 쓰세요.",
        "use --centre with --by participant",
    ),
    "participant_head": (
        "참여자 {id}: {name} ({centre}, {workplace}), 전화 {phone}, {state}",
        "participant {id}: {name} ({centre}, {workplace}), phone {phone}, {state}",
    ),
    "participant_active": ("참여 중", "active"),
    "participant_inactive": ("참여 중 아님", "not active"),
    "participant_cards_header": (
        "카드\t상태\t잔액\t만료일\t사업연도",
        "card\tstatus\tbalance\texpires\tyear",
    ),
    "participant_balance": ("남은 포인트 합계: {amount}원", "points left in all: {amount} won"),
    "participant_sales_header": (
        "일시 (KST)\t매장\t카드\t합계\t포인트\t환불 포인트\t상태",
        "time (KST)\tshop\tcard\ttotal\tpoints\trefunded points\tstatus",
    ),
    "participant_no_sales": ("사용 내역이 없습니다.", "no sales yet"),
    "card_state_active": ("사용 중", "active"),
    "card_state_online_only": ("온라인 결제만", "online only"),
    "card_state_revoked": ("정지", "revoked"),
    "card_state_replaced": ("재발급됨", "replaced"),
    "card_state_expired": ("만료", "expired"),
    "sale_state_posted": ("결제", "paid"),
    "sale_state_rejected": ("거절", "refused"),
    "sale_state_cancelled": ("취소", "cancelled"),
    "lookup_none": ("'{query}'에 맞는 참여자가 없습니다.", "no participant matches '{query}'"),
    "lookup_many": (
        "'{query}'에 맞는 참여자가 {count}명입니다: 참여자번호나 카드 번호로 한 명을 찾으세요 (이름은 가려서 보입니다).",
        "{count} participants match '{query}': look one up by participant id or card number (names are masked)",
    ),
    "lookup_logged": (
        "이 조회는 {operator}의 이름으로 감사 기록에 남았습니다.",
        "this view is recorded in the audit log under {operator}",
    ),
    "scan_done": (
        "{period} 판매 {sales}건 검사: 이상 징후 {found}건, 새 알림 {raised}건",
        "{period}: {sales} sale(s) scanned, {found} anomaly(ies), {raised} new alert(s)",
    ),
    "anomaly_card_drained": ("잔액 대부분을 한 번에 사용", "card drained in one sale"),
    "anomaly_many_sales_one_shop": ("한 매장에서 하루 여러 번", "many sales at one shop in a day"),
    "anomaly_repeated_amount": ("같은 금액 반복", "one amount repeated"),
    "anomaly_two_shops_quickly": ("짧은 시간에 두 매장", "two shops minutes apart"),
    "anomaly_outside_hours": ("영업시간 밖 판매", "sales outside the shop's hours"),
    "anomaly_offline_claim_disputed": (
        "오프라인 한도 초과·분쟁 청구",
        "offline claims disputed (over the caps)",
    ),
    "alerts_header": (
        "번호\t발생 (KST)\t상태\t종류\t내용\t처리",
        "id\traised (KST)\tstatus\tkind\tdetail\thandled",
    ),
    "alerts_none": ("해당하는 알림이 없습니다.", "no alerts match"),
    "alert_status_open": ("열림", "open"),
    "alert_status_acknowledged": ("확인 중", "acknowledged"),
    "alert_status_resolved": ("해결됨", "resolved"),
    "alert_card_drained": (
        "카드 {card}: {at} {shop}에서 {points}원 (직전 잔액 {balance_before}원의 {percent}%){open}",
        "card {card}: {points} won at {shop} on {at}, {percent}% of its {balance_before} won{open}",
    ),
    "alert_open_price": (", 금액을 직접 입력한 품목", ", an open-price item"),
    "alert_many_sales_one_shop": (
        "카드 {card}: {day} {shop}에서 {count}번, 합계 {points}원",
        "card {card}: {count} sales at {shop} on {day}, {points} won in all",
    ),
    "alert_repeated_amount": (
        "카드 {card}: {day}에 {amount}원을 {count}번 ({shops})",
        "card {card}: {amount} won {count} times on {day} ({shops})",
    ),
    "alert_two_shops_quickly": (
        "카드 {card}: {first_at} {first_shop}, {second_at} {second_shop} ({minutes}분 간격)",
        "card {card}: {first_shop} at {first_at}, then {second_shop} at {second_at} ({minutes} min apart)",
    ),
    "alert_outside_hours": (
        "{shop}: {day} 영업시간({hours}) 밖 판매 {count}건, 카드 {cards}장, 첫 판매 {first_at}",
        "{shop}: {count} sale(s) outside its hours ({hours}) on {day}, {cards} card(s), first at {first_at}",
    ),
    "alert_acknowledged": (
        "알림 {alert}을(를) 확인 중으로 표시했습니다.",
        "alert {alert} marked as being looked at",
    ),
    "alert_resolved": ("알림 {alert}을(를) 해결했습니다: {note}", "alert {alert} resolved: {note}"),
    "thresholds_title": ("{year}년 이상 징후 기준", "anomaly thresholds of {year}"),
    "thresholds_changed": (
        "{year}년 이상 징후 기준을 바꿨습니다 (감사 기록에 남음):",
        "anomaly thresholds of {year} changed (recorded in the audit log):",
    ),
    "threshold_set_form": ("--set은 key=value 형식입니다: '{given}'", "--set takes key=value: '{given}'"),
    "threshold_drain_percent": (
        "한 번에 카드 잔액의 이 비율(%) 이상을 쓰면 알림",
        "alert when one sale takes at least this % of the card's balance",
    ),
    "threshold_drain_min_points": ("…그리고 이 금액(원) 이상일 때", "…and at least this many won"),
    "threshold_drain_min_points_open_price": (
        "…금액을 직접 입력한 품목이 있으면 이 금액(원) 이상일 때",
        "…or this many won when a line has an open price",
    ),
    "threshold_sales_per_shop_day": (
        "한 카드가 한 매장에서 하루 이 횟수 이상 결제하면 알림",
        "alert at this many sales of one card at one shop in a day",
    ),
    "threshold_repeat_count": (
        "한 카드가 하루에 같은 금액을 이 횟수 이상 결제하면 알림",
        "alert when one card pays the same amount this many times in a day",
    ),
    "threshold_repeat_min_points": ("…이 금액(원) 이상일 때", "…for amounts of at least this many won"),
    "threshold_two_shops_minutes": (
        "한 카드가 두 매장에서 이 시간(분) 안에 결제하면 알림",
        "alert when one card pays at two shops within this many minutes",
    ),
    "threshold_hours": (
        "매장 영업시간 (KST): 밖의 판매는 알림",
        "shop hours (KST): sales outside them raise an alert",
    ),
    "threshold_shop_hours": ("매장 {shop}의 영업시간", "shop {shop}'s own hours"),
    # The office console's operators (sync.ledger.operators) and `allive-admin operator`.
    "operator_name_invalid": (
        "사용자 이름 '{username}'은(는) 쓸 수 없습니다: 영문, 숫자, 점, 밑줄, 하이픈으로 64자까지.",
        "the user name '{username}' cannot be used: letters, digits, dots, underscores and hyphens, up to 64",
    ),
    "operator_role_unknown": (
        "모르는 역할 '{role}': {known} 중 하나를 고르세요.",
        "unknown role '{role}': choose one of {known}",
    ),
    "operator_exists": ("사용자 {username}이(가) 이미 있습니다.", "operator {username} exists already"),
    "operator_unknown": ("모르는 사용자 {username}", "unknown operator {username}"),
    "operator_already_disabled": (
        "사용자 {username}은(는) 이미 정지되었습니다.",
        "operator {username} is disabled already",
    ),
    "password_too_short": (
        "비밀번호는 {minimum}자 이상이어야 합니다.",
        "the password must be at least {minimum} characters long",
    ),
    "password_too_long": (
        "비밀번호가 너무 깁니다 ({maximum}자까지).",
        "the password is too long (up to {maximum} characters)",
    ),
    "password_mismatch": (
        "두 번 입력한 비밀번호가 다릅니다: 다시 실행하세요.",
        "the two passwords differ: run the command again",
    ),
    "password_prompt": ("{username}의 비밀번호: ", "password for {username}: "),
    "password_again": ("비밀번호 다시 입력: ", "the password again: "),
    "password_stdin_empty": (
        "표준 입력에서 비밀번호를 읽지 못했습니다 (--password-stdin).",
        "no password on standard input (--password-stdin)",
    ),
    "operator_added": (
        "사용자 {username}({role})을(를) 추가했습니다. 사무국 화면: 원장 주소 뒤에 /office/",
        "added operator {username} ({role}). The office console: the ledger's address followed by /office/",
    ),
    "operators_header": (
        "사용자\t이름\t역할\t상태\t실패\t잠김 해제\t만든 때",
        "user\tname\trole\tstate\tfailed\tlocked until\tcreated",
    ),
    "no_operators": (
        "사용자가 없습니다: `allive-admin operator add 이름 --role admin`으로 추가하세요.",
        "no operators yet: add one with `allive-admin operator add NAME --role admin`",
    ),
    "operator_active": ("사용 중", "active"),
    "operator_disabled_state": ("정지", "disabled"),
    "operator_disabled": (
        "사용자 {username}을(를) 정지했습니다 (열린 세션 {sessions}개 종료).",
        "operator {username} disabled ({sessions} open session(s) ended)",
    ),
    "operator_password_reset": (
        "사용자 {username}의 비밀번호를 바꾸고 잠금을 풀었습니다 (열린 세션 {sessions}개 종료).",
        "new password for {username}, lockout lifted ({sessions} open session(s) ended)",
    ),
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
