"""The till's words for the codes its services return: one table, translated by Qt (Korean is shipped).

Core and services return codes (``Refusal``, ``PaymentProblem``, ``CardProblem``, ...) with the
numbers a message needs; only this module turns them into sentences. The source text is English,
like every other screen of the till; ``make translations`` puts the Korean of ``scripts/ko_cashier.py``
into ``resources/translations/allive_ko.ts`` (context ``Messages``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos_app.checkout import RefundOutcome, RefundResult, SaleOutcome, SaleResult
from pos_app.core.catalogue import CatalogueProblem
from pos_app.core.dayclose import NOTES, DayCloseProblem
from pos_app.core.money import won
from pos_app.core.offline_rules import Refusal
from pos_app.core.problems import Problem
from pos_app.core.tenders import PaymentProblem
from pos_app.journal.store import JournalCorrupt
from pos_app.manager.settings import SettingsProblem
from pos_app.printing.printer_port import PrinterProblem
from pos_app.receipts import PrintOutcome, ReceiptNote
from pos_app.staff import StaffProblem
from sync.shared.cards.token import CardProblem, CardRejected

log = logging.getLogger(__name__)

CONTEXT = "Messages"
# Values that are won amounts: shown with thousands separators (3,500).
AMOUNT_VALUES = frozenset(
    {"total", "remainder", "short", "refundable", "amount", "next_float", "counted", "cap"}
)

Key = tuple[type[StrEnum], str]


def _key(code: StrEnum) -> Key:
    """Codes of different kinds may share a value (a staff and an item ``name_needed``): key by both."""
    return (type(code), code.value)


# QT_TRANSLATE_NOOP marks the text for lupdate and returns it unchanged (typed as object).
TEXT: dict[Key, object] = {
    # -- the offline rules and the ledger's refusals -----------------------------------------------
    _key(Refusal.NO_SNAPSHOT): QT_TRANSLATE_NOOP(
        "Messages",
        "No internet connection, and this till has no card data yet. Points can be used once it is "
        "connected. Take the rest in cash or by bank card.",
    ),
    _key(Refusal.SNAPSHOT_TOO_OLD): QT_TRANSLATE_NOOP(
        "Messages",
        "The internet has been down too long and the card data is too old. Points can be used once it "
        "is connected. Take the rest in cash or by bank card.",
    ),
    _key(Refusal.CARD_UNKNOWN): QT_TRANSLATE_NOOP(
        "Messages",
        "This card is not registered. The card holder should ask their local self-sufficiency centre. "
        "Take the rest in cash or by bank card.",
    ),
    _key(Refusal.CARD_REVOKED): QT_TRANSLATE_NOOP(
        "Messages",
        "This card has been stopped. The card holder should ask their local self-sufficiency centre. "
        "Take the rest in cash or by bank card.",
    ),
    _key(Refusal.CARD_REPLACED): QT_TRANSLATE_NOOP(
        "Messages",
        "This card was replaced and can no longer be used. Use the new card. "
        "Take the rest in cash or by bank card.",
    ),
    _key(Refusal.CARD_EXPIRED): QT_TRANSLATE_NOOP(
        "Messages", "This card's period of use has ended. Take the rest in cash or by bank card."
    ),
    _key(Refusal.CARD_ONLINE_ONLY): QT_TRANSLATE_NOOP(
        "Messages",
        "This card can use points only while the internet is connected. "
        "Take the rest in cash or by bank card.",
    ),
    _key(Refusal.INSUFFICIENT_POINTS): QT_TRANSLATE_NOOP(
        "Messages",
        "Not enough points. Take only what the card can pay in points, and the rest in cash or by bank card.",
    ),
    _key(Refusal.CARD_DAILY_CAP): QT_TRANSLATE_NOOP(
        "Messages",
        "While the internet is down, this card has reached today's points limit. "
        "Take the rest in cash or by bank card.",
    ),
    _key(Refusal.TILL_CAP): QT_TRANSLATE_NOOP(
        "Messages",
        "While the internet is down, this till has reached the points it may take. "
        "Take the rest in cash or by bank card.",
    ),
    _key(Refusal.MANUAL_NEEDS_ONLINE): QT_TRANSLATE_NOOP(
        "Messages",
        "A card number typed by hand can use points only while the internet is connected. Scan the "
        "card's QR code. Take the rest in cash or by bank card.",
    ),
    _key(Refusal.REFUND_EXCEEDS_SALE): QT_TRANSLATE_NOOP(
        "Messages", "The points to refund are more than the points paid. Check the refund amount."
    ),
    # -- sales and refunds ---------------------------------------------------------------------------
    _key(SaleOutcome.PAID): QT_TRANSLATE_NOOP("Messages", "Payment complete."),
    _key(SaleOutcome.PAID_OFFLINE): QT_TRANSLATE_NOOP(
        "Messages", "Paid offline. It is sent automatically once the internet is back."
    ),
    _key(SaleOutcome.NO_CARD): QT_TRANSLATE_NOOP("Messages", "Scan the card first to pay with points."),
    _key(SaleOutcome.REFUSED): QT_TRANSLATE_NOOP(
        "Messages", "The points payment was not approved. Take cash or a bank card, or ask the manager."
    ),
    _key(SaleOutcome.NOT_RECORDED): QT_TRANSLATE_NOOP(
        "Messages",
        "The till could not record the sale (the disk may be full), so nothing was sold. "
        "Do not hand anything over; call the manager.",
    ),
    _key(RefundOutcome.NOT_RECORDED): QT_TRANSLATE_NOOP(
        "Messages",
        "The till could not record the refund (the disk may be full), so nothing was refunded. "
        "Call the manager.",
    ),
    _key(RefundOutcome.REFUNDED): QT_TRANSLATE_NOOP("Messages", "Refunded."),
    _key(RefundOutcome.REFUNDED_POINTS_LATER): QT_TRANSLATE_NOOP(
        "Messages", "Refunded. The points go back to the card once the internet is connected."
    ),
    _key(RefundOutcome.REASON_NEEDED): QT_TRANSLATE_NOOP("Messages", "Type the reason for the refund."),
    _key(RefundOutcome.SALE_NOT_FOUND): QT_TRANSLATE_NOOP(
        "Messages", "That sale was not found. Check the receipt number."
    ),
    _key(RefundOutcome.SALE_NOT_APPROVED): QT_TRANSLATE_NOOP(
        "Messages", "A sale that was not approved cannot be refunded."
    ),
    _key(RefundOutcome.WINDOW_PASSED): QT_TRANSLATE_NOOP(
        "Messages",
        "More than {hours} hours have passed since the sale, so this till cannot refund it. "
        "Contact the programme office.",
    ),
    _key(RefundOutcome.FULLY_REFUNDED): QT_TRANSLATE_NOOP(
        "Messages", "This sale has already been refunded in full."
    ),
    # -- tenders -------------------------------------------------------------------------------------
    _key(PaymentProblem.EMPTY_CART): QT_TRANSLATE_NOOP(
        "Messages", "The cart is empty. Choose the items first."
    ),
    _key(PaymentProblem.BAD_AMOUNT): QT_TRANSLATE_NOOP("Messages", "The amount is not valid."),
    _key(PaymentProblem.POINTS_OVER_TOTAL): QT_TRANSLATE_NOOP(
        "Messages", "Points cannot be more than the total ({total} won)."
    ),
    _key(PaymentProblem.CARD_OVER_REMAINDER): QT_TRANSLATE_NOOP(
        "Messages", "The bank card can pay at most what is left ({remainder} won)."
    ),
    _key(PaymentProblem.APPROVAL_NEEDED): QT_TRANSLATE_NOOP(
        "Messages", "Type the card terminal's approval number."
    ),
    _key(PaymentProblem.CASH_SHORT): QT_TRANSLATE_NOOP(
        "Messages", "The cash is {short} won short. Type the cash received again."
    ),
    _key(PaymentProblem.CASH_NOT_NEEDED): QT_TRANSLATE_NOOP(
        "Messages", "Nothing is left to pay. Do not take cash."
    ),
    _key(PaymentProblem.REFUND_AMOUNT_NEEDED): QT_TRANSLATE_NOOP("Messages", "Type the amount to refund."),
    _key(PaymentProblem.REFUND_OVER_LEFT): QT_TRANSLATE_NOOP(
        "Messages", "At most {refundable} won can be refunded."
    ),
    # -- cards ---------------------------------------------------------------------------------------
    _key(CardProblem.UNREADABLE): QT_TRANSLATE_NOOP(
        "Messages", "The card could not be read. Scan it again or type the card number."
    ),
    _key(CardProblem.UNKNOWN_VERSION): QT_TRANSLATE_NOOP(
        "Messages", "This card format cannot be used on this till. Contact the programme office."
    ),
    _key(CardProblem.BAD_NUMBER): QT_TRANSLATE_NOOP(
        "Messages", "The card number is not valid. Check the number again."
    ),
    _key(CardProblem.FORGED): QT_TRANSLATE_NOOP(
        "Messages",
        "This is not an ALL-LIVE card, or it is damaged. Points cannot be used. Take cash or a bank card.",
    ),
    _key(CardProblem.REVOKED): QT_TRANSLATE_NOOP(
        "Messages",
        "This card has been stopped. Points cannot be used. The card holder should ask their local "
        "self-sufficiency centre.",
    ),
    _key(CardProblem.EXPIRED): QT_TRANSLATE_NOOP(
        "Messages", "This card's period of use has ended. Points cannot be used."
    ),
    _key(CardProblem.REPLACED): QT_TRANSLATE_NOOP(
        "Messages", "This card was replaced and can no longer be used. Use the new card."
    ),
    # -- menu and cart -------------------------------------------------------------------------------
    _key(CatalogueProblem.CODE_NEEDED): QT_TRANSLATE_NOOP("Messages", "Type the item code."),
    _key(CatalogueProblem.NAME_NEEDED): QT_TRANSLATE_NOOP("Messages", "Type the item name."),
    _key(CatalogueProblem.NEGATIVE_PRICE): QT_TRANSLATE_NOOP("Messages", "The price must be 0 won or more."),
    _key(CatalogueProblem.PRICE_NEEDED): QT_TRANSLATE_NOOP(
        "Messages",
        "Type the price. (For an item whose amount the cashier types, choose 'Cashier types the amount'.)",
    ),
    _key(CatalogueProblem.PRICE_NOT_NUMBER): QT_TRANSLATE_NOOP(
        "Messages", "Type the price as a number only, e.g. 3500"
    ),
    _key(CatalogueProblem.PRICE_TOO_LARGE): QT_TRANSLATE_NOOP(
        "Messages", "The price is too large. Type at most 10,000,000 won."
    ),
    _key(CatalogueProblem.SOLD_OUT): QT_TRANSLATE_NOOP("Messages", "'{name}' is sold out."),
    _key(CatalogueProblem.AMOUNT_NEEDED): QT_TRANSLATE_NOOP("Messages", "Type the amount."),
    _key(CatalogueProblem.QTY_OUT_OF_RANGE): QT_TRANSLATE_NOOP(
        "Messages", "Type a quantity from 1 to {max}."
    ),
    # -- day close -----------------------------------------------------------------------------------
    _key(DayCloseProblem.COUNT_NOT_NUMBER): QT_TRANSLATE_NOOP(
        "Messages", "Type the number of {denomination} as a number only, e.g. 12"
    ),
    _key(DayCloseProblem.COUNT_TOO_LARGE): QT_TRANSLATE_NOOP(
        "Messages", "The number of {denomination} is too large. Count again."
    ),
    _key(DayCloseProblem.NEXT_FLOAT_NOT_NUMBER): QT_TRANSLATE_NOOP(
        "Messages", "Type tomorrow's starting cash as a number only, e.g. 100000"
    ),
    _key(DayCloseProblem.INITIAL_FLOAT_NOT_NUMBER): QT_TRANSLATE_NOOP(
        "Messages", "Type the first starting cash as a number only, e.g. 100000"
    ),
    _key(DayCloseProblem.UNKNOWN_DENOMINATION): QT_TRANSLATE_NOOP(
        "Messages", "This note or coin is not supported."
    ),
    _key(DayCloseProblem.NEGATIVE_COUNT): QT_TRANSLATE_NOOP("Messages", "A count must be 0 or more."),
    _key(DayCloseProblem.ALREADY_CLOSED): QT_TRANSLATE_NOOP(
        "Messages",
        "This business day is already closed. To close it again, tick the re-close confirmation. "
        "The earlier close stays on record.",
    ),
    _key(DayCloseProblem.CASH_OVER_NEEDS_REASON): QT_TRANSLATE_NOOP(
        "Messages", "The cash counted is {amount} won more than expected. Type the reason for the difference."
    ),
    _key(DayCloseProblem.CASH_SHORT_NEEDS_REASON): QT_TRANSLATE_NOOP(
        "Messages", "The cash counted is {amount} won short of what was expected. Type the reason."
    ),
    _key(DayCloseProblem.NEGATIVE_FLOAT): QT_TRANSLATE_NOOP(
        "Messages", "Tomorrow's starting cash must be 0 won or more."
    ),
    _key(DayCloseProblem.FLOAT_OVER_COUNTED): QT_TRANSLATE_NOOP(
        "Messages",
        "Tomorrow's starting cash ({next_float} won) is more than the cash counted ({counted} won). "
        "Check the amounts.",
    ),
    _key(DayCloseProblem.NO_MANAGER): QT_TRANSLATE_NOOP(
        "Messages", "The manager closing the day is not known. Sign in again."
    ),
    # -- staff ---------------------------------------------------------------------------------------
    _key(StaffProblem.PIN_FORMAT): QT_TRANSLATE_NOOP("Messages", "Choose a PIN of 4 to 8 digits."),
    _key(StaffProblem.NAME_NEEDED): QT_TRANSLATE_NOOP("Messages", "Type the name."),
    _key(StaffProblem.ROLE_NEEDED): QT_TRANSLATE_NOOP("Messages", "Choose a role."),
    _key(StaffProblem.UNKNOWN_STAFF): QT_TRANSLATE_NOOP("Messages", "This staff member was not found."),
    _key(StaffProblem.UNAVAILABLE): QT_TRANSLATE_NOOP(
        "Messages", "This staff member cannot sign in. Ask the manager."
    ),
    _key(StaffProblem.LOCKED): QT_TRANSLATE_NOOP(
        "Messages", "Too many wrong PINs. Try again in {seconds} s."
    ),
    _key(StaffProblem.WRONG_PIN): QT_TRANSLATE_NOOP("Messages", "Wrong PIN. Try again. ({left} tries left)"),
    _key(StaffProblem.PIN_NEEDED): QT_TRANSLATE_NOOP("Messages", "Type the PIN on the number pad."),
    _key(StaffProblem.NOT_PERMITTED): QT_TRANSLATE_NOOP(
        "Messages", "You may not do this. A manager's PIN is needed."
    ),
    # -- shop settings -------------------------------------------------------------------------------
    _key(SettingsProblem.SHOP_NAME_NEEDED): QT_TRANSLATE_NOOP("Messages", "Type the shop name."),
    _key(SettingsProblem.BUSINESS_NO_LENGTH): QT_TRANSLATE_NOOP(
        "Messages", "A business registration number has 10 digits, e.g. 123-45-67890"
    ),
    _key(SettingsProblem.BUSINESS_NO_INVALID): QT_TRANSLATE_NOOP(
        "Messages",
        "This business registration number is not valid. Check the number on the registration certificate.",
    ),
    _key(SettingsProblem.PHONE_FORMAT): QT_TRANSLATE_NOOP(
        "Messages", "Type the phone number with digits and '-' only, e.g. 051-123-4567"
    ),
    _key(SettingsProblem.LOCK_TIMEOUT_RANGE): QT_TRANSLATE_NOOP(
        "Messages", "Type the screen lock time as a number of seconds from {low} to {high}."
    ),
    _key(SettingsProblem.LANGUAGE_NEEDED): QT_TRANSLATE_NOOP("Messages", "Choose a language."),
    # -- receipts and printers -----------------------------------------------------------------------
    _key(ReceiptNote.SAVED_AS_PDF): QT_TRANSLATE_NOOP("Messages", "Receipt saved as PDF."),
    _key(ReceiptNote.PRINTED): QT_TRANSLATE_NOOP("Messages", "Receipt printed."),
    _key(PrinterProblem.SETTING_NOT_UNDERSTOOD): QT_TRANSLATE_NOOP(
        "Messages", "The printer setting is not valid, e.g. tcp:192.168.0.50:9100"
    ),
    _key(PrinterProblem.UNREACHABLE): QT_TRANSLATE_NOOP(
        "Messages",
        "Cannot reach the receipt printer. Check its power, paper and cable. The receipt was saved as PDF.",
    ),
    _key(PrinterProblem.NOT_FOUND): QT_TRANSLATE_NOOP(
        "Messages", "The printer set up was not found. Check the printer name."
    ),
    _key(PrinterProblem.CANNOT_START): QT_TRANSLATE_NOOP(
        "Messages", "The printer could not start. Check its power and connection."
    ),
}

WINDOW_PASSED_MINUTES = QT_TRANSLATE_NOOP(
    "Messages",
    "More than {minutes} minutes have passed since the sale, so this till cannot refund it. "
    "Contact the programme office.",
)
JOURNAL_CORRUPT = QT_TRANSLATE_NOOP(
    "Messages",
    "The till's record (journal) is damaged. Selling cannot start. "
    "Restore it from a backup or contact the programme office.",
)
ALREADY_RUNNING = QT_TRANSLATE_NOOP(
    "Messages",
    "This till is already open on this computer. Use the window that is open; this one closes.",
)
# `allive-pos recover` while the till runs on that journal; printed by pos_app.app (no window).
RECOVER_TILL_OPEN = QT_TRANSLATE_NOOP(
    "Messages",
    "The till is open on this journal, so it cannot be recovered now. "
    "Close the till's window, then run the recovery again. Nothing was changed.",
)
UNEXPECTED = QT_TRANSLATE_NOOP("Messages", "Something went wrong. Try again, or ask the manager.")
ROLES = {
    "cashier": QT_TRANSLATE_NOOP("Messages", "Cashier"),
    "supervisor": QT_TRANSLATE_NOOP("Messages", "Supervisor"),
    "manager": QT_TRANSLATE_NOOP("Messages", "Manager"),
}
# Why the card panel shows less than the balance as spendable now (short: it sits under the balance).
LIMIT_REASONS: dict[Key, object] = {
    _key(Refusal.NO_SNAPSHOT): QT_TRANSLATE_NOOP(
        "Messages", "Offline, and this till has no card data yet: points after reconnecting."
    ),
    _key(Refusal.SNAPSHOT_TOO_OLD): QT_TRANSLATE_NOOP(
        "Messages", "Offline too long, the card data is too old: points after reconnecting."
    ),
    _key(Refusal.CARD_UNKNOWN): QT_TRANSLATE_NOOP("Messages", "This card is not in this till's data."),
    _key(Refusal.CARD_REVOKED): QT_TRANSLATE_NOOP("Messages", "This card has been stopped."),
    _key(Refusal.CARD_REPLACED): QT_TRANSLATE_NOOP("Messages", "This card was replaced."),
    _key(Refusal.CARD_EXPIRED): QT_TRANSLATE_NOOP("Messages", "This card's period of use has ended."),
    _key(Refusal.CARD_ONLINE_ONLY): QT_TRANSLATE_NOOP(
        "Messages", "This card can use points only while the internet is connected."
    ),
    _key(Refusal.CARD_DAILY_CAP): QT_TRANSLATE_NOOP(
        "Messages", "Offline: a card may use at most {cap} won of points a day."
    ),
    _key(Refusal.TILL_CAP): QT_TRANSLATE_NOOP(
        "Messages", "Offline: this till has taken all the points it may take until it reconnects."
    ),
    _key(Refusal.MANUAL_NEEDS_ONLINE): QT_TRANSLATE_NOOP(
        "Messages", "A typed card number can use points only online. Scan the QR code instead."
    ),
}
REFUNDED_AMOUNT = QT_TRANSLATE_NOOP("Messages", "Refunded {amount} won.")
GIVE_BACK_CASH = QT_TRANSLATE_NOOP("Messages", "Give back {amount} won in cash.")
CANCEL_ON_TERMINAL = QT_TRANSLATE_NOOP("Messages", "Cancel {amount} won on the card terminal.")
POINTS_BACK_NOW = QT_TRANSLATE_NOOP("Messages", "{amount} won of points go back to the card.")
POINTS_BACK_LATER = QT_TRANSLATE_NOOP(
    "Messages", "{amount} won of points go back to the card once the internet is connected."
)
TENDERS = {
    "points": QT_TRANSLATE_NOOP("Messages", "Points"),
    "cash": QT_TRANSLATE_NOOP("Messages", "Cash"),
    "bank_card": QT_TRANSLATE_NOOP("Messages", "Card"),
}
QUICK_REASONS = (
    QT_TRANSLATE_NOOP("Messages", "Changed their mind"),
    QT_TRANSLATE_NOOP("Messages", "Problem with the item"),
    QT_TRANSLATE_NOOP("Messages", "Rung up wrongly"),
    QT_TRANSLATE_NOOP("Messages", "Order cancelled"),
)
NOTE = QT_TRANSLATE_NOOP("Messages", "{value} won notes")
COIN = QT_TRANSLATE_NOOP("Messages", "{value} won coins")


def tr(source: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(source))


def fill(template: str, values: Mapping[str, object]) -> str:
    """Put the values into ``{name}`` places (amounts as 3,500; a denomination as its name)."""
    for key, value in values.items():
        if key == "denomination" and isinstance(value, int):
            shown = denomination_text(value)
        elif key in AMOUNT_VALUES and isinstance(value, int):
            shown = won(value)
        else:
            shown = str(value)
        template = template.replace("{" + key + "}", shown)
    return template


def text(code: StrEnum, values: Mapping[str, object] | None = None) -> str:
    """The user's sentence for a code, in the language installed (Korean unless English was chosen)."""
    source = TEXT.get(_key(code))
    if source is None:
        # A code without words is a programming error; the cashier still gets a sentence.
        log.error("no message for code %r", code)
        return tr(UNEXPECTED)
    return fill(tr(source), values or {})


def problem_text(problem: BaseException) -> str:
    """The sentence for a refusal raised by a service (any ``Problem``, a card, a broken journal)."""
    if isinstance(problem, Problem):
        return text(problem.code, problem.values)
    if isinstance(problem, CardRejected):
        return text(problem.problem)
    if isinstance(problem, JournalCorrupt):
        return tr(JOURNAL_CORRUPT)
    log.error("no message for %r", problem)
    return tr(UNEXPECTED)


def sale_text(result: SaleResult) -> str:
    return text(result.code, result.values)


def refund_text(result: RefundResult) -> str:
    minutes = result.values.get("minutes")
    if result.code is RefundOutcome.WINDOW_PASSED and isinstance(minutes, int) and minutes % 60:
        return fill(tr(WINDOW_PASSED_MINUTES), result.values)
    return text(result.code, result.values)


def refund_done_text(result: RefundResult, *, online: bool) -> str:
    """After an approved refund: how much, and what to give back in which tender. Points go back
    through the ledger: "once the internet is connected" only while this till is offline."""
    split = result.split
    if not result.approved or split is None:
        return refund_text(result)
    parts = [fill(tr(REFUNDED_AMOUNT), {"amount": split.total})]
    if split.cash:
        parts.append(fill(tr(GIVE_BACK_CASH), {"amount": split.cash}))
    if split.bank_card:
        parts.append(fill(tr(CANCEL_ON_TERMINAL), {"amount": split.bank_card}))
    if split.points:
        parts.append(fill(tr(POINTS_BACK_NOW if online else POINTS_BACK_LATER), {"amount": split.points}))
    return " ".join(parts)


def limit_text(refusal: StrEnum, values: Mapping[str, object] | None = None) -> str:
    """Why points are limited now, for the card panel ("" when the balance is the only limit)."""
    source = LIMIT_REASONS.get(_key(refusal))
    return fill(tr(source), values or {}) if source is not None else ""


def tender_text(tender: str) -> str:
    return tr(TENDERS[tender]) if tender in TENDERS else tender


def quick_reasons() -> list[str]:
    """The refund screen's ready-made reasons, in the language installed."""
    return [tr(reason) for reason in QUICK_REASONS]


def print_text(outcome: PrintOutcome) -> str:
    return text(outcome.code)


def already_running_text() -> str:
    return tr(ALREADY_RUNNING)


def role_text(role: str) -> str:
    return tr(ROLES[role]) if role in ROLES else role


def denomination_text(value: int) -> str:
    return fill(tr(NOTE if value in NOTES else COIN), {"value": won(value)})


__all__ = [
    "already_running_text",
    "denomination_text",
    "limit_text",
    "print_text",
    "problem_text",
    "quick_reasons",
    "refund_done_text",
    "refund_text",
    "role_text",
    "sale_text",
    "tender_text",
    "text",
]
