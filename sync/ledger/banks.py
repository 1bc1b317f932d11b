"""Where the programme pays a shop: the Korean banks the office uses, account numbers, masking.

Pure values and checks (no database): ``bank_details`` turns what the office typed into
``BankDetails`` or refuses with a ``LedgerError`` code; ``mask_account`` is how every list shows
an account number (``123-***-**7890``): only a transfer file carries it whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sync.ledger.errors import LedgerError


@dataclass(frozen=True)
class Bank:
    """A bank as the office names it (``name``), its Korean clearing code (금융결제원 은행코드, three
    digits, what bulk-transfer files carry) and the other names people type for it."""

    name: str
    code: str
    aliases: tuple[str, ...] = ()


BANKS: tuple[Bank, ...] = (
    Bank("KB국민", "004", ("국민", "KB", "KB국민은행", "국민은행")),
    Bank("신한", "088", ("신한은행",)),
    Bank("우리", "020", ("우리은행",)),
    Bank("하나", "081", ("하나은행", "KEB하나")),
    Bank("NH농협", "011", ("농협", "NH", "농협은행", "NH농협은행")),
    Bank("IBK기업", "003", ("기업", "IBK", "기업은행", "IBK기업은행")),
    Bank("부산", "032", ("부산은행", "BNK부산", "BNK부산은행")),
    Bank("경남", "039", ("경남은행", "BNK경남", "BNK경남은행")),
    Bank("카카오뱅크", "090", ("카카오",)),
    Bank("토스뱅크", "092", ("토스",)),
    Bank("케이뱅크", "089", ("K뱅크",)),
    Bank("새마을금고", "045", ("새마을", "MG새마을금고")),
    Bank("신협", "048", ("신용협동조합",)),
    Bank("우체국", "071", ("우체국예금",)),
    Bank("수협", "007", ("수협은행", "Sh수협", "Sh수협은행")),
    Bank("SC제일", "023", ("SC", "제일", "SC제일은행", "제일은행")),
)

ACCOUNT_DIGITS = (10, 16)
_ACCOUNT = re.compile(r"[0-9]+(-[0-9]+)*")
MAX_HOLDER = 60


def _key(text: str) -> str:
    """How bank names are compared: NFKC (full-width letters), no spaces, case-insensitive."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


_BY_KEY: dict[str, Bank] = {
    _key(name): bank for bank in BANKS for name in (bank.name, bank.code, *bank.aliases)
}


def find_bank(text: str) -> Bank | None:
    """The bank ``text`` names (its name, clearing code or a usual other name), or None."""
    return _BY_KEY.get(_key(text))


@dataclass(frozen=True)
class BankDetails:
    """Where a shop is paid; ``account_no`` as the bank prints it (digits, optional hyphens)."""

    bank: str
    account_no: str
    holder: str

    @property
    def bank_code(self) -> str:
        found = find_bank(self.bank)
        return found.code if found else ""

    @property
    def masked(self) -> BankDetails:
        return BankDetails(self.bank, mask_account(self.account_no), self.holder)

    @property
    def complete(self) -> bool:
        return bool(self.bank and self.account_no and self.holder)


def account_problem(account_no: str) -> str | None:
    """Why ``account_no`` is not an account number (a LedgerError code), or None."""
    if not _ACCOUNT.fullmatch(account_no):
        return "account_no_invalid"
    digits = sum(ch in "0123456789" for ch in account_no)
    if not ACCOUNT_DIGITS[0] <= digits <= ACCOUNT_DIGITS[1]:
        return "account_no_length"
    return None


def bank_details(bank: str, account_no: str, holder: str) -> BankDetails:
    """The office's input checked and put in its stored form, or a ``LedgerError``."""
    found = find_bank(bank)
    if found is None:
        raise LedgerError("bank_unknown", bank=bank.strip(), banks=", ".join(b.name for b in BANKS))
    account = unicodedata.normalize("NFKC", account_no).strip().replace(" ", "")
    if problem := account_problem(account):
        raise LedgerError(problem, account=account_no.strip(), low=ACCOUNT_DIGITS[0], high=ACCOUNT_DIGITS[1])
    name = " ".join(holder.split())
    if not name:
        raise LedgerError("account_holder_empty")
    if len(name) > MAX_HOLDER or any(unicodedata.category(ch).startswith("C") for ch in name):
        raise LedgerError("account_holder_invalid", length=MAX_HOLDER)
    return BankDetails(found.name, account, name)


def mask_account(account_no: str) -> str:
    """The first three and the last four digits shown, the rest starred, hyphens kept:
    ``123-456-787890`` -> ``123-***-**7890``. Short numbers show only their last four."""
    digits = sum(ch.isdigit() for ch in account_no)
    head = 3 if digits >= 10 else 0
    out, index = [], 0
    for ch in account_no:
        if not ch.isdigit():
            out.append(ch)
            continue
        out.append(ch if index < head or index >= digits - 4 else "*")
        index += 1
    return "".join(out)
