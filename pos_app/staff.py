"""Staff, roles and PINs: who may sell, refund, void, open the drawer, close the day, edit the menu.

Staff changes are journal entries (so the office sees who did what); PIN hashes stay on the till in
its settings table and are never pushed to the ledger. Wrong PINs are rate-limited per person.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pos_app.core.problems import Problem
from pos_app.journal.store import Journal
from sync.shared.entries import StaffChange


class Permission(StrEnum):
    SELL = "sell"
    REFUND = "refund"
    VOID = "void"
    OPEN_DRAWER = "open_drawer"
    CLOSE_DAY = "close_day"
    EDIT_CATALOGUE = "edit_catalogue"
    MANAGE_STAFF = "manage_staff"


ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "cashier": frozenset({Permission.SELL}),
    "supervisor": frozenset({Permission.SELL, Permission.REFUND, Permission.VOID, Permission.OPEN_DRAWER}),
    "manager": frozenset(Permission),
}


class StaffProblem(StrEnum):
    """Why a staff change or a PIN is refused."""

    PIN_FORMAT = "pin_format"
    NAME_NEEDED = "name_needed"
    ROLE_NEEDED = "role_needed"
    UNKNOWN_STAFF = "unknown_staff"
    UNAVAILABLE = "unavailable"
    LOCKED = "locked"  # values: seconds
    WRONG_PIN = "wrong_pin"  # values: left
    PIN_NEEDED = "pin_needed"  # nothing typed: not counted as a wrong PIN
    NOT_PERMITTED = "not_permitted"


class StaffError(Problem):
    """A staff change or sign-in the till refuses; ``code`` says why (the UI words it)."""

    code: StaffProblem


@dataclass(frozen=True)
class StaffMember:
    staff_id: str
    name: str
    role: str
    active: bool = True

    @property
    def permissions(self) -> frozenset[Permission]:
        return ROLE_PERMISSIONS.get(self.role, frozenset())

    def can(self, permission: Permission) -> bool:
        return self.active and permission in self.permissions


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hash_pin(pin, bytes.fromhex(salt_hex)).split("$")[2]
    return hmac.compare_digest(candidate, digest_hex)


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise StaffError(StaffProblem.PIN_FORMAT)


MAX_TRIES = 5
LOCK_SECONDS = 30.0


class StaffRoster:
    """The till's staff, rebuilt from ``staff`` journal entries; PIN checks with rate limiting."""

    def __init__(self, journal: Journal, clock: Callable[[], float] = time.monotonic) -> None:
        self.journal = journal
        self.clock = clock
        self._failures: dict[str, tuple[int, float]] = {}

    def members(self, include_inactive: bool = False) -> list[StaffMember]:
        staff: dict[str, StaffMember] = {}
        for entry in self.journal.entries(types=["staff"]):
            change = entry.body
            if not isinstance(change, StaffChange):
                continue
            sid, action = change.staff_id, change.action
            if action == "add":
                staff[sid] = StaffMember(sid, change.name or "", change.role or "", True)
            elif sid in staff and action == "disable":
                staff[sid] = StaffMember(sid, staff[sid].name, staff[sid].role, False)
            elif sid in staff and action == "enable":
                staff[sid] = StaffMember(sid, staff[sid].name, staff[sid].role, True)
            elif sid in staff and action == "change_role":
                staff[sid] = StaffMember(sid, staff[sid].name, change.role or "", staff[sid].active)
        return [m for m in staff.values() if include_inactive or m.active]

    def member(self, staff_id: str) -> StaffMember | None:
        return next((m for m in self.members(include_inactive=True) if m.staff_id == staff_id), None)

    def add(self, name: str, role: str, pin: str, by: str = "") -> StaffMember:
        if not name.strip():
            raise StaffError(StaffProblem.NAME_NEEDED)
        if role not in ROLE_PERMISSIONS:
            raise StaffError(StaffProblem.ROLE_NEEDED, role)
        check_pin_format(pin)
        staff_id = f"s{len(self.members(include_inactive=True)) + 1:03d}"
        self.journal.set_setting(f"pin:{staff_id}", hash_pin(pin))
        self.journal.append(StaffChange(action="add", staff_id=staff_id, name=name.strip(), role=role, by=by))
        return StaffMember(staff_id, name.strip(), role)

    def set_active(self, staff_id: str, active: bool, by: str = "") -> None:
        if self.member(staff_id) is None:
            raise StaffError(StaffProblem.UNKNOWN_STAFF, staff_id)
        self.journal.append(StaffChange(action="enable" if active else "disable", staff_id=staff_id, by=by))

    def reset_pin(self, staff_id: str, new_pin: str, by: str = "") -> None:
        if self.member(staff_id) is None:
            raise StaffError(StaffProblem.UNKNOWN_STAFF, staff_id)
        check_pin_format(new_pin)
        self.journal.set_setting(f"pin:{staff_id}", hash_pin(new_pin))
        self.journal.append(StaffChange(action="reset_pin", staff_id=staff_id, by=by))
        self._failures.pop(staff_id, None)

    def seconds_locked(self, staff_id: str) -> float:
        count, until = self._failures.get(staff_id, (0, 0.0))
        return max(0.0, until - self.clock()) if count >= MAX_TRIES else 0.0

    def sign_in(self, staff_id: str, pin: str) -> StaffMember:
        """The member if the PIN is right; ``StaffError`` with the reason otherwise."""
        member = self.member(staff_id)
        if member is None or not member.active:
            raise StaffError(StaffProblem.UNAVAILABLE, staff_id)
        locked = self.seconds_locked(staff_id)
        if locked > 0:
            raise StaffError(StaffProblem.LOCKED, seconds=int(locked) + 1)
        if not pin:
            # An empty PIN is a touch on 확인 before typing, not a guess: it uses up no attempt.
            raise StaffError(StaffProblem.PIN_NEEDED)
        stored = self.journal.setting(f"pin:{staff_id}") or ""
        if pin_matches(pin, stored):
            self._failures.pop(staff_id, None)
            return member
        count, _ = self._failures.get(staff_id, (0, 0.0))
        count += 1
        # Each lock after the fifth wrong PIN lasts twice as long as the one before.
        until = self.clock() + LOCK_SECONDS * 2 ** max(0, count - MAX_TRIES) if count >= MAX_TRIES else 0.0
        self._failures[staff_id] = (count, until)
        left = MAX_TRIES - count
        if left > 0:
            raise StaffError(StaffProblem.WRONG_PIN, left=left)
        raise StaffError(
            StaffProblem.LOCKED, "wrong PIN", seconds=int(LOCK_SECONDS * 2 ** (count - MAX_TRIES))
        )

    def authorise(self, staff_id: str, pin: str, permission: Permission) -> StaffMember:
        """Check a PIN and a permission at once (a manager approving a refund)."""
        member = self.sign_in(staff_id, pin)
        if not member.can(permission):
            raise StaffError(StaffProblem.NOT_PERMITTED, str(permission))
        return member
