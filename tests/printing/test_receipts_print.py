"""Receipts as text, ESC/POS bytes in CP949 and PDF; sending them to a printer over TCP or a file."""

import datetime as dt
import socket
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.printing.escpos import INIT, KOREAN_MODE, PARTIAL_CUT, drawer_kick, render_escpos
from pos_app.printing.layout import display_width, render_text
from pos_app.printing.pdf import render_pdf, render_text_pdf
from pos_app.printing.printer_port import PrinterError, PrinterProblem, PrinterTarget, send
from pos_app.printing.receipt import Receipt, ReceiptLine, ShopHeader

HEADER = ShopHeader(
    "올리브카페 해운대점", "2208162517", "김대표", "부산광역시 해운대구 해운대로 1", "051-000-0000"
)
AT = dt.datetime(2026, 11, 25, 3, 5, tzinfo=dt.UTC)


def receipt(**changes):
    values = dict(
        header=HEADER,
        sale_no="cafe1-1-000012",
        at=AT,
        lines=(
            ReceiptLine("아메리카노", 2, 3000, 6000),
            ReceiptLine("쌀 (4kg)", 1, 12000, 12000, taxable=False),
        ),
        total=18000,
        supply_value=5455,
        vat=545,
        tax_free=12000,
        points=10000,
        cash=8000,
        cash_received=10000,
        change=2000,
        card_last4="0019",
        points_balance=90000,
        cashier="김계산",
    )
    values.update(changes)
    return Receipt(**values)


def test_text_has_every_field_of_a_korean_receipt():
    text = "\n".join(render_text(receipt()))
    for needed in (
        "올리브카페 해운대점",
        "220-81-62517",
        "김대표",
        "2026-11-25 12:05:00",
        "cafe1-1-000012",
        "아메리카노",
        "합계",
        "18,000원",
        "과세 공급가액",
        "5,455",
        "부가세",
        "545",
        "면세",
        "12,000",
        "포인트",
        "현금",
        "받은 돈",
        "거스름돈",
        "2,000",
        "**** **** 0019",
        "포인트 잔액",
        "90,000원",
        "김계산",
    ):
        assert needed in text, needed


def test_no_vat_lines_without_taxable_items_and_refunds_are_negative():
    text = "\n".join(render_text(receipt(supply_value=0, vat=0, kind="refund", note="음식이 식음")))
    assert "부가세" not in text and "환불 영수증" in text and "-18,000원" in text and "음식이 식음" in text


@settings(max_examples=60)
@given(
    st.text(alphabet=st.sampled_from("김밥라면떡볶이ABCxyz 123()"), min_size=1, max_size=60),
    st.integers(1, 999),
    st.integers(0, 9_999_999),
    st.sampled_from([32, 42, 48]),
)
def test_every_line_fits_the_paper(name, qty, price, columns):
    r = receipt(lines=(ReceiptLine(name, qty, price, qty * price),), total=qty * price)
    assert all(display_width(line) <= columns for line in render_text(r, columns))


def test_escpos_bytes_are_cp949_in_korean_mode_with_a_cut():
    data = render_escpos(receipt())
    assert data.startswith(INIT + KOREAN_MODE)
    assert "아메리카노".encode("cp949") in data
    assert "아메리카노".encode() not in data
    assert data.endswith(PARTIAL_CUT)
    assert b"\x1d!\x11" in data  # the total in double size
    assert b"?" not in data.replace(b"\x1b@", b"")  # nothing fell back to '?'
    assert b"0019" in data and b"9000000" not in data


def test_drawer_kick_is_the_standard_pulse():
    assert drawer_kick() == b"\x1bp\x00\x19\xfa"


def test_pdf_receipt_embeds_a_korean_font(tmp_path):
    path = render_pdf(receipt(), tmp_path / "r.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"FontFile2" in data
    report = render_text_pdf("Z 리포트", ["현금 합계 8,000"], tmp_path / "z.pdf")
    assert report.read_bytes().startswith(b"%PDF")


def test_file_target_gets_the_exact_bytes(tmp_path):
    out = tmp_path / "printer.bin"
    send(f"file:{out}", b"\x1b@abc")
    assert out.read_bytes() == b"\x1b@abc"


def test_tcp_target_gets_the_exact_bytes():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    received = bytearray()

    def accept():
        conn, _ = server.accept()
        with conn:
            while chunk := conn.recv(4096):
                received.extend(chunk)

    thread = threading.Thread(target=accept)
    thread.start()
    data = render_escpos(receipt())
    send(f"tcp:127.0.0.1:{server.getsockname()[1]}", data)
    thread.join(5)
    server.close()
    assert bytes(received) == data


def test_unreachable_printer_is_refused_with_its_reason():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(PrinterError) as err:
        send(f"tcp:127.0.0.1:{port}", b"x", timeout=1)
    assert err.value.code is PrinterProblem.UNREACHABLE


@pytest.mark.parametrize("text", ["", "tcp:", "lpt1", "tcp:host:abc"])
def test_bad_printer_setting_is_refused(text):
    with pytest.raises(PrinterError):
        PrinterTarget.parse(text)


def test_qprinter_path_draws_the_receipt_into_a_pdf(qtbot, tmp_path):
    from pos_app.printing.qprinter import make_printer, print_receipt

    path = tmp_path / "system.pdf"
    print_receipt(receipt(), make_printer(pdf_path=path))
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000


def test_an_unknown_system_printer_is_refused_as_not_found():
    from pos_app.printing.qprinter import make_printer

    with pytest.raises(PrinterError) as err:
        make_printer("no such printer")
    assert err.value.code is PrinterProblem.NOT_FOUND
