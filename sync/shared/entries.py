"""Journal entry payloads as frozen, validated types, and the one function that reads them.

The till writes these (``Journal.append(payload)``); the ledger, the manager's reports, the receipts
and the reliability harness read them with ``parse_payload``. A payload that does not fit its type
comes back as ``InvalidPayload`` with a short reason, never as a ``KeyError`` deep inside a reader.

Wire compatibility (protocol 1): every type serialises to exactly the keys the till has always
written, so journals from earlier versions still parse and still hash the same (the hash is taken
over the stored payload, never over a re-serialisation). Keys a type does not know are ignored.

All amounts are whole won (``int``, never ``bool`` or ``float``) between 0 and ``MAX_WON``; text is
bounded and may not hold NUL or lone surrogates (PostgreSQL text cannot store them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    model_validator,
)

MAX_WON = 10**12  # far above any sale; keeps every sum inside a 64-bit column
MAX_LINES = 500


def _clean_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate from "\ud800" in the JSON
        raise ValueError("text is not valid Unicode") from exc
    return value


Won = Annotated[StrictInt, Field(ge=0, le=MAX_WON)]
SignedWon = Annotated[StrictInt, Field(ge=-MAX_WON, le=MAX_WON)]
Count = Annotated[StrictInt, Field(ge=0, le=10**9)]
Name = Annotated[StrictStr, Field(max_length=64), AfterValidator(_clean_text)]
Text = Annotated[StrictStr, Field(max_length=200), AfterValidator(_clean_text)]
Code = Annotated[StrictStr, Field(max_length=64, pattern=r"^[A-Za-z0-9_.:\- ]*$")]
EntryId = Annotated[
    StrictStr, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
CardNumber = Annotated[StrictStr, Field(pattern=r"^[0-9]{12}$")]
IsoDay = Annotated[StrictStr, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
Auth = Literal["online", "offline", "none"]


class Payload(BaseModel):
    """Base of every entry payload: immutable, strict, unknown keys ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")
    TYPE: ClassVar[str] = ""

    @property
    def type(self) -> str:
        return self.TYPE

    def to_payload(self) -> dict[str, Any]:
        """The JSON object the journal stores and hashes."""
        return self.model_dump(mode="json")


class CardRef(Payload):
    """The card a sale took points from (never a name: the ledger knows who holds it)."""

    number: CardNumber
    issue: Annotated[StrictInt, Field(ge=0, le=10_000)]


class SaleLine(Payload):
    sku: Name
    name: Text
    qty: Annotated[StrictInt, Field(ge=1, le=100_000)]
    unit_price: Won
    amount: Won
    taxable: StrictBool


class Sale(Payload):
    """A sale; its receipt number is ``<till_id>-<seq:06d>``.

    ``auth``: ``online`` waits for the ledger's answer; ``offline`` was accepted by the till's
    offline rules; ``none`` took no points.
    """

    TYPE: ClassVar[str] = "sale"
    cashier: Name
    lines: Annotated[tuple[SaleLine, ...], Field(max_length=MAX_LINES)]
    total: Won
    points: Won
    bank_card: Won
    cash: Won
    cash_received: Won
    change: Won
    approval_no: Annotated[StrictStr, Field(max_length=32), AfterValidator(_clean_text)] | None = None
    vat: Won
    supply_value: Won
    tax_free: Won
    card: CardRef | None = None
    auth: Auth
    # The card snapshot version the till held when it sold (added after protocol 1's first
    # journals: absent in older entries, and then not written at all).
    snapshot_version: Annotated[StrictInt, Field(ge=0, le=2**62)] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Sale:
        if self.points + self.bank_card + self.cash != self.total:
            raise ValueError("points + bank_card + cash must equal total")
        if any(line.amount != line.qty * line.unit_price for line in self.lines):
            raise ValueError("a line's amount must be qty * unit_price")
        if sum(line.amount for line in self.lines) != self.total:
            raise ValueError("the lines must sum to total")
        if self.points > 0 and self.card is None:
            raise ValueError("points without a card")
        if self.points > 0 and self.auth == "none":
            raise ValueError("points need auth online or offline")
        return self

    def to_payload(self) -> dict[str, Any]:
        body = self.model_dump(mode="json")
        if body.get("snapshot_version") is None:
            body.pop("snapshot_version", None)  # the keys older tills wrote, exactly
        return body


class SaleRejected(Payload):
    """The till recorded the ledger's refusal of an online sale. No postings."""

    TYPE: ClassVar[str] = "sale_rejected"
    ref: EntryId
    reason: Code


class SaleFallback(Payload):
    """An online attempt timed out and the offline rules accepted the sale."""

    TYPE: ClassVar[str] = "sale_fallback"
    ref: EntryId


class SaleCancelled(Payload):
    """An online attempt had no answer and the offline rules refused (or the till crashed before
    deciding): whatever the ledger posted for ``ref`` is reversed."""

    TYPE: ClassVar[str] = "sale_cancelled"
    ref: EntryId
    reason: Code


class Refund(Payload):
    """Part or all of a sale given back; points return to the card through the ledger."""

    TYPE: ClassVar[str] = "refund"
    ref: EntryId
    points: Won
    bank_card: Won
    cash: Won
    reason: Text
    manager: Name = ""
    cashier: Name = ""
    card: CardRef | None = None

    @property
    def amount(self) -> int:
        return self.points + self.bank_card + self.cash


class Void(Refund):
    """A whole sale taken back soon after it was rung up (a refund of everything left)."""

    TYPE: ClassVar[str] = "void"


class TenderAmounts(Payload):
    points: SignedWon
    cash: SignedWon
    bank_card: SignedWon


class DayClose(Payload):
    """One close of one business day on one till, with the cash count (a re-close supersedes)."""

    TYPE: ClassVar[str] = "day_close"
    business_day: IsoDay
    sales_count: Count
    gross: TenderAmounts
    refunds: TenderAmounts
    refund_count: Count = 0
    void_count: Count = 0
    opening_float: Won
    expected_cash: SignedWon
    counted: dict[Annotated[StrictStr, Field(pattern=r"^[0-9]{1,6}$")], Count]
    counted_cash: Won
    difference: SignedWon
    reason: Text
    next_float: Won
    closed_by: Name
    supersedes: EntryId | None = None
    unsynced: Count = 0


class CatalogueChange(Payload):
    """A menu change on the till: a category or item saved (as the till's own record), or removed."""

    TYPE: ClassVar[str] = "catalogue"
    action: Literal["category", "remove_category", "item", "remove_item"]
    category: dict[str, Any] | None = None
    item: dict[str, Any] | None = None
    category_id: Name | None = None
    sku: Name | None = None
    by: Name = ""

    def to_payload(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


class StaffChange(Payload):
    """Someone added to the till's staff, enabled, disabled, given another role or a new PIN."""

    TYPE: ClassVar[str] = "staff"
    action: Literal["add", "enable", "disable", "change_role", "reset_pin"]
    staff_id: Name
    name: Name | None = None
    role: Name | None = None
    by: Name = ""

    def to_payload(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


class SettingsChange(Payload):
    """The shop's settings on this till (receipt header, printer, lock, language), as saved."""

    model_config = ConfigDict(frozen=True, extra="allow")
    TYPE: ClassVar[str] = "settings"
    by: Name = ""


class OtherEntry(Payload):
    """An entry type this version does not know: stored and acknowledged, no postings."""

    model_config = ConfigDict(frozen=True, extra="allow")


class InvalidPayload(BaseModel):
    """A payload that does not fit its type; ``reason`` is short and safe to store."""

    model_config = ConfigDict(frozen=True)
    entry_type: str
    reason: str


EntryPayload: TypeAlias = (
    Sale
    | SaleRejected
    | SaleFallback
    | SaleCancelled
    | Refund
    | Void
    | DayClose
    | CatalogueChange
    | StaffChange
    | SettingsChange
    | OtherEntry
)
FollowUp: TypeAlias = SaleRejected | SaleFallback | SaleCancelled | Refund | Void
# The same, for isinstance (Void is a Refund).
FOLLOW_UP_CLASSES = (SaleRejected, SaleFallback, SaleCancelled, Refund)

PAYLOAD_TYPES: dict[str, type[Payload]] = {
    cls.TYPE: cls
    for cls in (
        Sale,
        SaleRejected,
        SaleFallback,
        SaleCancelled,
        Refund,
        Void,
        DayClose,
        CatalogueChange,
        StaffChange,
        SettingsChange,
    )
}
# Entries that say something about an earlier sale (``ref``).
FOLLOW_UP_TYPES = ("sale_rejected", "sale_fallback", "sale_cancelled", "refund", "void")
SALE_TYPES = ("sale", *FOLLOW_UP_TYPES)
REFUND_TYPES = ("refund", "void")
# Follow-ups after which a sale never happened: it counts nowhere.
UNDONE_TYPES = ("sale_rejected", "sale_cancelled")


def parse_payload(entry_type: str, payload: Any) -> EntryPayload | InvalidPayload:
    """The typed payload of an entry, or ``InvalidPayload`` saying why it cannot be read."""
    if not isinstance(payload, Mapping):
        return InvalidPayload(entry_type=entry_type, reason="payload is not an object")
    cls = PAYLOAD_TYPES.get(entry_type, OtherEntry)
    try:
        return cls.model_validate(payload)  # type: ignore[return-value]
    except ValidationError as exc:
        return InvalidPayload(entry_type=entry_type, reason=_short_reason(exc))


def _short_reason(exc: ValidationError) -> str:
    """``invalid_payload: <field>: <message>`` of the first error, bounded for storage."""
    first = exc.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "payload"
    message = str(first.get("msg", "invalid")).encode("ascii", "replace").decode()
    return f"invalid_payload: {where}: {message}"[:120]
