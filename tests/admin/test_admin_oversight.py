"""`allive-admin` oversight commands against a real ledger with a market's sales: reports and their
CSV, unspent points, a logged participant view, the scan, alerts and thresholds."""

from __future__ import annotations

import csv

import pytest

from sync.admin.cli import main as admin
from sync.ledger.service import Ledger
from tests.ledger.market import DAY, Till, kst, open_market, ordinary_day

MONTH = DAY.strftime("%Y-%m")


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    market = open_market(url)
    ordinary_day(market)
    # A shop whose name a spreadsheet would run as a formula.
    market.ledger.add_shop("evil", "=HYPERLINK(1)")
    market.ledger.enrol_till("evil", "evil-1")
    market.tills["evil"] = Till("evil-1")
    market.sell("P5", "evil", kst(DAY, "16:30"), 2000)
    for shop, hhmm in (("cafe1", "10:30"), ("rest1", "14:00"), ("grocery1", "19:00")):
        market.sell("P7", shop, kst(DAY, hhmm), 10_000, item="상품권")
    market.ledger.dispose()
    return url


def run(db: str, *args: str, operator: str = "office-kim") -> int:
    return admin(["--database", db, "--operator", operator, *args])


def test_report_by_shop_prints_a_table_and_writes_a_csv_for_excel(db, tmp_path, capsys):
    out = tmp_path / "report.csv"
    assert run(db, "report", "--by", "shop", "--month", MONTH, "--csv", str(out)) == 0
    printed = capsys.readouterr().out
    assert f"{MONTH} 포인트 사용 (매장별)" in printed
    assert "매장\t이름\t판매\t카드\t포인트\t환불 포인트\t순사용" in printed
    assert "laundry1\t올리브세탁\t1\t1\t8,000\t0\t8,000" in printed
    assert "합계\t\t23\t\t131,500\t0\t131,500" in printed
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["매장", "이름", "판매"]
    assert ["evil", "'=HYPERLINK(1)", "1", "1", "2000", "0", "2000"] in rows
    ledger = Ledger(db)
    (export,) = ledger.audit_log(action="export_report")
    assert (export.operator, export.target, export.args) == (
        "office-kim",
        str(out),
        {"by": "shop", "period": MONTH},
    )
    ledger.dispose()


def test_report_by_day_in_english_and_an_empty_month(db, capsys):
    assert admin(["--database", db, "--lang", "en", "report", "--by", "day", "--month", MONTH]) == 0
    printed = capsys.readouterr().out
    assert "business day\tsales\tcards\tpoints" in printed and f"{DAY.isoformat()}\t23\t8\t131,500" in printed
    assert run(db, "report", "--by", "centre", "--month", "2026-10") == 0
    assert "2026-10에 포인트로 결제한 판매가 없습니다." in capsys.readouterr().out
    assert run(db, "report", "--by", "centre", "--month", "2026-13") == 2
    assert "YYYY-MM" in capsys.readouterr().err


def test_unspent_by_centre_and_by_participant_with_masked_names(db, capsys):
    assert run(db, "unspent") == 0
    printed = capsys.readouterr().out
    assert "지역자활센터\t참여자\t카드\t남은 포인트\t가장 빠른 만료일" in printed
    assert "사하\t3\t3\t258,500\t2026-12-31" in printed
    assert run(db, "unspent", "--by", "participant", "--centre", "사하") == 0
    printed = capsys.readouterr().out
    assert "P4\t남**수\t사하\t올리브식당\t1\t79,000\t2026-12-31\t2026-11-25" in printed
    assert "남궁민수" not in printed and "합계: 참여자 3명, 258,500원" in printed
    assert run(db, "unspent", "--centre", "사하") == 2
    assert "--by participant" in capsys.readouterr().err


def test_a_participant_view_shows_the_full_record_and_is_logged(db, capsys):
    assert run(db, "participant", "P4", operator="office-lee") == 0
    printed = capsys.readouterr().out
    assert "참여자 P4: 남궁민수 (사하, 올리브식당), 전화 -, 참여 중" in printed
    assert "남은 포인트 합계: 79,000원" in printed and "2026-11-25 18:20\t올리브식품" in printed
    assert "office-lee의 이름으로 감사 기록에 남았습니다" in printed
    assert run(db, "participant", "P") == 1
    printed = capsys.readouterr().out
    assert "참여자가 8명입니다" in printed and "P1\t홍*동" in printed and "홍길동" not in printed
    assert run(db, "participant", "아무개") == 1
    ledger = Ledger(db)
    views = ledger.audit_log(action="view_participant")
    assert [(v.operator, v.target) for v in views] == [("office-lee", "P4")]
    ledger.dispose()


def test_scan_then_alerts_acknowledged_and_resolved(db, capsys):
    assert run(db, "scan", "--month", MONTH) == 0
    printed = capsys.readouterr().out
    assert f"{MONTH} 판매 23건 검사: 이상 징후 1건, 새 알림 1건" in printed and "같은 금액 반복\t1" in printed
    assert run(db, "scan", "--month", MONTH) == 0
    assert "새 알림 0건" in capsys.readouterr().out
    assert run(db, "alerts") == 0
    printed = capsys.readouterr().out
    assert "번호\t발생 (KST)\t상태\t종류\t내용\t처리" in printed
    line = next(x for x in printed.splitlines() if "같은 금액 반복" in x)
    alert_id = line.split("\t")[0]
    assert "\t열림\t" in line and "10,000원을 3번 (cafe1, grocery1, rest1)" in line
    assert run(db, "ack-alert", alert_id) == 0
    assert "확인 중으로 표시" in capsys.readouterr().out
    assert run(db, "resolve-alert", alert_id, "--note", "상품권 판매, 센터 확인", operator="office-lee") == 0
    assert run(db, "resolve-alert", alert_id, "--note", "again") == 2
    assert "이미 해결되었습니다 (office-lee)" in capsys.readouterr().err
    assert run(db, "alerts") == 0
    assert "해당하는 알림이 없습니다." in capsys.readouterr().out
    assert (
        admin(
            ["--database", db, "--lang", "en", "alerts", "--status", "resolved", "--kind", "repeated_amount"]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "\tresolved\tone amount repeated\tcard " in printed and "office-lee" in printed
    assert "상품권 판매, 센터 확인" in printed


def test_thresholds_are_shown_and_changed(db, capsys):
    assert run(db, "thresholds") == 0
    printed = capsys.readouterr().out
    assert "2026년 이상 징후 기준" in printed and "sales_per_shop_day\t4\t" in printed
    assert "hours\t07:00-22:00\t" in printed
    assert run(db, "thresholds", "--set", "repeat_count=4", "hours.rest2=10:00-23:00") == 0
    printed = capsys.readouterr().out
    assert "repeat_count\t4\t" in printed and "hours.rest2\t10:00-23:00\t매장 rest2의 영업시간" in printed
    assert run(db, "thresholds", "--set", "repeat_count") == 2
    assert "key=value" in capsys.readouterr().err
    assert run(db, "thresholds", "--set", "repeats=4") == 2
    assert "모르는 기준 'repeats'" in capsys.readouterr().err
    assert run(db, "thresholds", "--year", "2019") == 2
    assert "2019년 사업이 없습니다" in capsys.readouterr().err
    # Three payments of 10,000 won are no longer enough; rest2's 09:30 sale is now before it opens.
    assert run(db, "scan", "--month", MONTH) == 0
    printed = capsys.readouterr().out
    assert "같은 금액 반복\t0" in printed and "영업시간 밖 판매\t1" in printed
