"""Money, VAT split, cart and split payment: the arithmetic printed on every receipt."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.core.cart import Cart
from pos_app.core.catalogue import CatalogueError, CatalogueProblem, Item, parse_price
from pos_app.core.money import VatRounding, require_won, vat_split, won
from pos_app.core.refunds import RefundSplit, split_refund
from pos_app.core.tenders import PaymentError, PaymentProblem, Tenders, quick_cash_options, settle

AMERICANO = Item("C01", "아메리카노", 3000)
GIMBAP = Item("M01", "김밥", 3500)
RICE = Item("G01", "쌀", 12000, taxable=False)
LAUNDRY = Item("S01", "세탁", 0, open_price=True)


def test_won_formats_with_commas_and_refuses_floats():
    assert won(1234567) == "1,234,567"
    with pytest.raises(TypeError):
        require_won(3000.0)
    with pytest.raises(TypeError):
        require_won(True)


def test_vat_is_taxable_total_over_eleven_rounded_down():
    split = vat_split(8500, 0)
    assert (split.vat, split.supply_value) == (772, 7728)
    assert vat_split(8500, 0, VatRounding.HALF_UP).vat == 773


@given(st.integers(0, 10_000_000), st.integers(0, 10_000_000))
def test_vat_split_always_adds_up(taxable, tax_free):
    split = vat_split(taxable, tax_free)
    assert split.supply_value + split.vat + split.tax_free == split.total == taxable + tax_free
    assert 0 <= split.vat <= taxable // 10


def test_cart_merges_same_item_and_separates_tax_free():
    cart = Cart().add(AMERICANO).add(AMERICANO).add(RICE).add(GIMBAP)
    assert [line.qty for line in cart.lines] == [2, 1, 1]
    assert cart.total == 6000 + 12000 + 3500
    split = cart.vat()
    assert split.tax_free == 12000
    assert split.vat == 9500 // 11


def test_cart_quantity_changes_and_removal():
    cart = Cart().add(AMERICANO).add(GIMBAP)
    cart = cart.set_qty(0, 3)
    assert cart.total == 9000 + 3500
    assert cart.set_qty(0, 0).lines == (cart.lines[1],)
    with pytest.raises(CatalogueError):
        cart.set_qty(0, 1000)


def test_open_price_items_need_an_amount_and_never_merge():
    with pytest.raises(CatalogueError):
        Cart().add(LAUNDRY)
    cart = Cart().add(LAUNDRY, price=15000).add(LAUNDRY, price=20000)
    assert [line.unit_price for line in cart.lines] == [15000, 20000]


def test_sold_out_item_cannot_be_added():
    with pytest.raises(CatalogueError) as err:
        Cart().add(Item("C09", "팥빙수", 6000, sold_out=True))
    assert err.value.code is CatalogueProblem.SOLD_OUT and err.value.values == {"name": "팥빙수"}


@pytest.mark.parametrize("text", ["-100", "abc", "3.5", "", "１０００"])
def test_parse_price_refuses_what_is_not_whole_won(text):
    with pytest.raises(CatalogueError) as err:
        parse_price(text)
    assert err.value.code is CatalogueProblem.PRICE_NOT_NUMBER


def test_parse_price_accepts_commas_and_won_suffix():
    assert parse_price("3,500원") == 3500


def test_points_then_cash_with_change():
    payment = settle(8500, Tenders(points=5000, cash_received=5000))
    assert (payment.points, payment.cash, payment.change) == (5000, 3500, 1500)


def test_points_and_bank_card_need_approval_number():
    with pytest.raises(PaymentError) as err:
        settle(8500, Tenders(points=3500, bank_card=5000))
    assert err.value.code is PaymentProblem.APPROVAL_NEEDED
    payment = settle(8500, Tenders(points=3500, bank_card=5000, approval_no=" 12345678 "))
    assert (payment.cash, payment.approval_no) == (0, "12345678")


@pytest.mark.parametrize(
    ("total", "tenders", "code", "values"),
    [
        (8500, Tenders(points=9000), PaymentProblem.POINTS_OVER_TOTAL, {"total": 8500}),
        (8500, Tenders(cash_received=8000), PaymentProblem.CASH_SHORT, {"short": 500}),
        (
            8500,
            Tenders(bank_card=9000, approval_no="1"),
            PaymentProblem.CARD_OVER_REMAINDER,
            {"remainder": 8500},
        ),
        (0, Tenders(), PaymentProblem.EMPTY_CART, {}),
        (3000, Tenders(points=3000, cash_received=1000), PaymentProblem.CASH_NOT_NEEDED, {}),
    ],
)
def test_bad_tenders_are_refused_with_a_code_and_the_numbers(total, tenders, code, values):
    with pytest.raises(PaymentError) as err:
        settle(total, tenders)
    assert err.value.code is code and err.value.values == values


@given(st.integers(1, 1_000_000), st.data())
def test_settled_payment_always_covers_total(total, data):
    points = data.draw(st.integers(0, total))
    card = data.draw(st.integers(0, total - points))
    cash = data.draw(st.integers(total - points - card, total * 2))
    tenders = Tenders(points=points, bank_card=card, cash_received=cash, approval_no="1" if card else None)
    if total - points - card == 0 and cash > 0:
        with pytest.raises(PaymentError):
            settle(total, tenders)
        return
    payment = settle(total, tenders)
    assert payment.points + payment.bank_card + payment.cash == total
    assert payment.cash_received - payment.change == payment.cash


def test_quick_cash_offers_exact_and_round_notes():
    assert quick_cash_options(3500) == [3500, 4000, 5000, 10000]
    assert quick_cash_options(0) == []


def test_refund_returns_points_first_and_never_more_than_paid():
    paid = RefundSplit(points=5000, bank_card=0, cash=3500)
    first = split_refund(6000, paid, RefundSplit(0, 0, 0))
    assert (first.points, first.cash) == (5000, 1000)
    second = split_refund(2500, paid, first)
    assert (second.points, second.cash) == (0, 2500)
    with pytest.raises(PaymentError):
        split_refund(1, paid, RefundSplit(5000, 0, 3500))
