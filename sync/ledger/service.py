"""The ledger's facade: one method per use case, each one unit of work over the modules that do the job.

Money moves only through ``postings`` (balanced ``Transaction`` values); till entries are decided
by the pure ``rules`` inside ``ingest``; office operations live in ``programme``, ``cards`` and
``closing``; ``verify`` is a list of checks. PostgreSQL enforces unique (till, seq), unique entry
ids, non-negative card balances and balanced transactions itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from sync.ledger import alerts as _alerts
from sync.ledger import anomaly_scan as _scan
from sync.ledger import audit as _audit
from sync.ledger import backup as _backup
from sync.ledger import cards as _cards
from sync.ledger import closing as _closing
from sync.ledger import dashboard as _dashboard
from sync.ledger import disputes as _disputes
from sync.ledger import ingest as _ingest
from sync.ledger import office_sessions as _sessions
from sync.ledger import operators as _operators
from sync.ledger import oversight as _oversight
from sync.ledger import programme as _programme
from sync.ledger import queries as _queries
from sync.ledger import settlement as _settlement
from sync.ledger import snapshot as _snapshot
from sync.ledger import tills as _tills
from sync.ledger import verify as _verify
from sync.ledger.banks import BankDetails, mask_account
from sync.ledger.db import insert_rows, make_engine, normalise_url, reading, uow, upgrade
from sync.ledger.errors import LedgerError
from sync.ledger.records import (
    AccountBalance,
    CardRecord,
    GrantRecord,
    ParticipantRecord,
    ProgrammeInfo,
    SaleRecord,
    ShortfallRecord,
    TillRecord,
)
from sync.ledger.settlement import Payment, PaymentRecorded, Period, Statement, TransferBatch
from sync.ledger.till_tokens import TillTokens
from sync.ledger.transaction import SHORTFALL
from sync.protocol import PushRequest, PushResponse, SnapshotResponse, TillEntriesResponse, TillLimits
from sync.shared.clock import Clock, utc_now

__all__ = ["SHORTFALL", "Ledger", "LedgerError", "Period", "insert_rows"]


def _bank_figures(details: BankDetails) -> dict[str, str]:
    """Bank details as the audit log keeps them: the account number masked."""
    return {"bank": details.bank, "account_no": mask_account(details.account_no), "holder": details.holder}


class Ledger:
    """The ledger on one database. ``clock`` stamps what the ledger writes (wall clock by default:
    this is the ledger's composition root)."""

    def __init__(self, database_url: str, *, echo: bool = False, clock: Clock = utc_now) -> None:
        self.database_url = normalise_url(database_url)
        self.engine = make_engine(self.database_url, echo)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        self.clock = clock
        self.till_tokens = TillTokens(self._check_till_token)

    # -- audit log ------------------------------------------------------------------------------
    def audit(
        self,
        operator: str,
        action: str,
        target: str = "",
        *,
        args: dict[str, Any] | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Record an office action that has no unit of work of its own here (an export, a view)."""
        with uow(self.engine) as conn:
            _audit.record(conn, self.clock, operator, action, target, args=args, before=before, after=after)

    def audit_log(self, **filters: Any) -> list[_audit.AuditRecord]:
        with reading(self.engine) as conn:
            return _audit.entries(conn, **filters)

    # -- the office console: operators and their sessions ----------------------------------------
    def operators(self) -> list[_operators.Operator]:
        with reading(self.engine) as conn:
            return _operators.operators(conn)

    def add_operator(
        self, username: str, role: str, password: str, display_name: str = "", *, operator: str
    ) -> _operators.Operator:
        """An account for the console (role admin, staff or viewer; the password hashed with argon2)."""
        with uow(self.engine) as conn:
            added = _operators.add_operator(conn, self.clock, username, role, password, display_name)
            after = {"role": added.role, "display_name": added.display_name}
            _audit.record(conn, self.clock, operator, "add_operator", username, after=after)
            return added

    def disable_operator(self, username: str, *, operator: str) -> int:
        """Stop an operator signing in; their open sessions end at once (how many is returned)."""
        with uow(self.engine) as conn:
            before = _operators.disable_operator(conn, username)
            ended = _sessions.end_all(conn, username)
            _audit.record(
                conn,
                self.clock,
                operator,
                "disable_operator",
                username,
                before={"active": before.active, "role": before.role},
                after={"active": False, "sessions_ended": ended},
            )
            return ended

    def reset_password(self, username: str, password: str, *, operator: str) -> int:
        """A new password for an operator: the lockout is lifted and their open sessions end (how
        many is returned)."""
        with uow(self.engine) as conn:
            before = _operators.reset_password(conn, username, password)
            ended = _sessions.end_all(conn, username)
            _audit.record(
                conn,
                self.clock,
                operator,
                "reset_password",
                username,
                before={"locked_until": before.locked_until, "failed_attempts": before.failed_attempts},
                after={"locked_until": None, "failed_attempts": 0, "sessions_ended": ended},
            )
            return ended

    def sign_in(self, username: str, password: str) -> _sessions.NewSession | None:
        """A new console session for the right name and password, else None (one answer for an
        unknown name, a wrong password, a locked or a disabled account; the audit log says which)."""
        username = username.strip()
        with uow(self.engine) as conn:
            check = _operators.check_sign_in(conn, self.clock, username, password)
            if check.operator is None:
                known = check.reason != "unknown_operator"
                after: dict[str, Any] = {"failed_attempts": check.failed_attempts}
                if check.locked_until:
                    after["locked_until"] = check.locked_until
                _audit.record(
                    conn,
                    self.clock,
                    username if known else "unknown",
                    "sign_in_failed",
                    username[:64] if _operators.USERNAME.fullmatch(username) else "",
                    args={"reason": check.reason},
                    after=after,
                )
                return None
            found = check.operator
            new = _sessions.start(conn, self.clock, found.username, found.display_name, found.role)
            after = {"role": found.role, "expires_at": new.session.expires_at}
            _audit.record(conn, self.clock, found.username, "sign_in", found.username, after=after)
            return new

    def dashboard(self) -> _dashboard.Dashboard:
        """The office's dashboard for the latest programme year, read at one instant."""
        with self._consistent_read() as conn:
            return _dashboard.dashboard(conn, self.clock())

    def office_session(self, token: str) -> _sessions.OfficeSession | None:
        """The open session of a console cookie's token (None: signed out, expired or idle)."""
        with uow(self.engine) as conn:
            return _sessions.current(conn, self.clock, token)

    def sign_out(self, token: str) -> None:
        with uow(self.engine) as conn:
            username = _sessions.end(conn, token)
            if username is not None:
                _audit.record(conn, self.clock, username, "sign_out", username)

    def dispose(self) -> None:
        self.engine.dispose()

    def upgrade(self) -> None:
        upgrade(self.engine)

    # -- programme, shops, tills ------------------------------------------------------------------
    def create_programme(
        self,
        year: int,
        grant_amount: int,
        expires_on: dt.date,
        issuer_public_key_hex: str,
        limits: TillLimits | None = None,
        *,
        operator: str = "system",
    ) -> None:
        with uow(self.engine) as conn:
            _programme.create_programme(
                conn, self.clock, year, grant_amount, expires_on, issuer_public_key_hex, limits
            )
            after = {"grant": grant_amount, "expires_on": expires_on, "issuer_key": issuer_public_key_hex}
            _audit.record(conn, self.clock, operator, "init_programme", str(year), after=after)

    def programme(self, year: int | None = None) -> ProgrammeInfo:
        with reading(self.engine) as conn:
            return _programme.programme(conn, year)

    def add_shop(
        self,
        shop_id: str,
        name: str,
        business_no: str = "",
        representative: str = "",
        address: str = "",
        phone: str = "",
        *,
        operator: str = "system",
    ) -> None:
        with uow(self.engine) as conn:
            _programme.add_shop(conn, shop_id, name, business_no, representative, address, phone)
            after = {"name": name, "business_no": business_no}
            _audit.record(conn, self.clock, operator, "add_shop", shop_id, after=after)

    def enrol_till(self, shop_id: str, till_id: str, *, operator: str = "system") -> str:
        with uow(self.engine) as conn:
            token = _programme.enrol_till(conn, self.clock, shop_id, till_id)
            _audit.record(conn, self.clock, operator, "enrol_till", till_id, args={"shop_id": shop_id})
            return token

    def authenticate_till(self, token: str) -> TillRecord | None:
        """The till a bearer token belongs to (checked tokens are trusted for a few seconds)."""
        return self.till_tokens(token)

    def _check_till_token(self, token: str) -> TillRecord | None:
        with reading(self.engine) as conn:
            return _programme.authenticate_till(conn, token)

    def shop_header(self, shop_id: str) -> dict[str, str]:
        with reading(self.engine) as conn:
            return _programme.shop_header(conn, shop_id)

    # -- participants, cards, grants ----------------------------------------------------------------
    def add_participants(self, rows: Sequence[ParticipantRecord], *, operator: str = "system") -> int:
        with uow(self.engine) as conn:
            added = _cards.add_participants(conn, rows)
            active = sum(1 for r in rows if r.active)
            after = {"rows": len(rows), "added": added, "eligible": active}
            _audit.record(conn, self.clock, operator, "import_participants", after=after)
            return added

    def participants(self) -> list[ParticipantRecord]:
        with reading(self.engine) as conn:
            return _cards.participants(conn)

    def issue_card(self, participant_id: str) -> CardRecord:
        with uow(self.engine) as conn:
            return _cards.issue_card(conn, self.clock, participant_id)

    def cards(self, participant_id: str | None = None) -> list[CardRecord]:
        with reading(self.engine) as conn:
            return _cards.cards(conn, participant_id)

    def grant(
        self, year: int, participant_ids: Sequence[str] | None = None, *, operator: str = "system"
    ) -> list[GrantRecord]:
        with uow(self.engine) as conn:
            granted = _cards.grant(conn, self.clock, year, participant_ids)
            args = {"participants": list(participant_ids) if participant_ids is not None else "all eligible"}
            after = {"granted": len(granted), "amount": sum(g.amount for g in granted)}
            _audit.record(conn, self.clock, operator, "grant", str(year), args=args, after=after)
            return granted

    def revoke_card(self, number: str, reason: str, *, operator: str = "system") -> None:
        with uow(self.engine) as conn:
            before = {
                "status": _queries.card_status(conn, number),
                "balance": _queries.card_balance(conn, number),
            }
            _cards.revoke_card(conn, self.clock, number, reason)
            after = {"status": _queries.card_status(conn, number)}
            _audit.record(
                conn,
                self.clock,
                operator,
                "revoke",
                number,
                args={"reason": reason},
                before=before,
                after=after,
            )

    def replace_card(self, number: str, reason: str, *, operator: str = "system") -> CardRecord:
        with uow(self.engine) as conn:
            before = {
                "status": _queries.card_status(conn, number),
                "balance": _queries.card_balance(conn, number),
            }
            new = _cards.replace_card(conn, self.clock, number, reason)
            after = {"new_card": new.number, "balance": _queries.card_balance(conn, new.number)}
            _audit.record(
                conn,
                self.clock,
                operator,
                "replace",
                number,
                args={"reason": reason},
                before=before,
                after=after,
            )
            return new

    # -- closing ---------------------------------------------------------------------------------
    def expire(self, year: int, *, operator: str = "system", force: bool = False, reason: str = "") -> int:
        """Return year ``year``'s unspent points to its fund (refused before its expiry unless forced)."""
        with uow(self.engine) as conn:
            returned = _closing.expire(conn, self.clock, year, force=force, reason=reason)
            args = {"force": force, "reason": reason} if force else {}
            _audit.record(
                conn, self.clock, operator, "expire", str(year), args=args, after={"returned": returned}
            )
            return returned

    def settle(self, shop_id: str, amount: int | None = None, *, operator: str = "system") -> int:
        with uow(self.engine) as conn:
            paid = _closing.settle(conn, self.clock, shop_id, amount)
            _audit.record(
                conn, self.clock, operator, "settle", shop_id, args={"amount": amount}, after={"paid": paid}
            )
            return paid

    # -- settlement with the shops -------------------------------------------------------------------
    def shop_banks(self) -> list[_settlement.ShopBank]:
        """Every shop and where it is paid (lists show ``bank.masked``)."""
        with reading(self.engine) as conn:
            return _settlement.shop_banks(conn)

    def set_shop_bank(
        self, shop_id: str, bank: str, account_no: str, holder: str, *, operator: str = "system"
    ) -> BankDetails:
        """Check and keep a shop's bank, account number and holder; audited with the numbers masked."""
        with uow(self.engine) as conn:
            before, after = _settlement.set_shop_bank(conn, shop_id, bank, account_no, holder)
            _audit.record(
                conn,
                self.clock,
                operator,
                "set_shop_bank",
                shop_id,
                before=_bank_figures(before),
                after=_bank_figures(after),
            )
            return after

    def statement(self, shop_id: str, period: Period) -> Statement:
        with self._consistent_read() as conn:
            return _settlement.statement(conn, shop_id, period)

    def statements(self, period: Period, shop_ids: Sequence[str] | None = None) -> list[Statement]:
        """Every shop's statement for the period (or those of ``shop_ids``), read at one instant."""
        with self._consistent_read() as conn:
            return _settlement.statements(conn, period, shop_ids)

    def transfers(self, period: Period) -> TransferBatch:
        """What the bank transfer file holds for the period, and the shops it cannot pay."""
        with self._consistent_read() as conn:
            return _settlement.transfers(conn, period)

    def payments(self, shop_id: str | None = None) -> list[Payment]:
        with reading(self.engine) as conn:
            return _settlement.payments(conn, shop_id)

    def record_payment(
        self,
        shop_id: str,
        period: Period,
        amount: int,
        reference: str,
        paid_on: dt.date,
        *,
        operator: str = "system",
    ) -> PaymentRecorded:
        """Record a bank payment to a shop for a period (shop -> settled), idempotent by the bank's
        reference; audited with the period's balance and the shop account before and after."""
        for attempt in range(2):
            try:
                with uow(self.engine) as conn:
                    done = _settlement.record_payment(
                        conn, self.clock, shop_id, period, amount, reference, paid_on, operator
                    )
                    _audit.record(
                        conn,
                        self.clock,
                        operator,
                        "record_payment",
                        shop_id,
                        args={
                            "period": period.label,
                            "amount": amount,
                            "reference": done.payment.reference,
                            "paid_on": paid_on,
                            "already_recorded": done.already_recorded,
                        },
                        before={"period_balance": done.balance_before, "account": done.account_before},
                        after={"period_balance": done.balance_after, "account": done.account_after},
                    )
                    return done
            except IntegrityError:
                # The same reference recorded at this moment for another shop (whose account lock
                # this one did not wait for): the second attempt finds it stored and answers for it.
                if attempt:
                    raise
        raise AssertionError("unreachable")

    @contextmanager
    def _consistent_read(self) -> Iterator[Connection]:
        """A read whose statements all see the ledger at one instant (a push committing between
        them changes none of the figures)."""
        with reading(self.engine) as conn:
            if self.is_postgres:
                conn.execution_options(isolation_level="REPEATABLE READ")
            yield conn

    # -- tills ------------------------------------------------------------------------------------
    # ``token_hash``: the hash of the token a till's request came with (``TillRecord.token_hash``);
    # the request is refused once the till is disabled or has a new token, whatever was cached.
    def ingest(self, till_id: str, request: PushRequest, *, token_hash: str | None = None) -> PushResponse:
        """Store and apply a till's batch in one transaction; resends return the stored results."""
        with uow(self.engine) as conn:
            return _ingest.ingest(conn, self.clock, till_id, request, token_hash)

    def snapshot(self, till_id: str, since: int = 0, *, token_hash: str | None = None) -> SnapshotResponse:
        """The till's card changes since ``since``; the version served is remembered (the period of
        the till's offline claims under it)."""
        with reading(self.engine) as conn:
            answer = _snapshot.snapshot(conn, self.clock, till_id, since, token_hash)
        with uow(self.engine) as conn:
            _snapshot.record_served(conn, self.clock, till_id, answer.version)
        return answer

    def till_entries(
        self, till_id: str, after: int = 0, limit: int = 500, *, token_hash: str | None = None
    ) -> TillEntriesResponse:
        """The entries the ledger holds for a till after ``after`` (recovery of a lost journal)."""
        with reading(self.engine) as conn:
            return _snapshot.till_entries(conn, till_id, after, limit, token_hash)

    # -- the till fleet ------------------------------------------------------------------------------
    def tills(self, shop_id: str | None = None) -> list[_tills.TillInfo]:
        """Every till with its last entry, held entries and last snapshot served."""
        with reading(self.engine) as conn:
            return _tills.tills(conn, shop_id)

    def disable_till(self, till_id: str, reason: str, *, operator: str = "system") -> None:
        """Stop a till (a stolen or retired PC): its pushes and reads are refused from now on."""
        with uow(self.engine) as conn:
            _tills.set_active(conn, self.clock, till_id, False, operator, reason)
        self.till_tokens.forget()

    def enable_till(self, till_id: str, *, operator: str = "system") -> None:
        with uow(self.engine) as conn:
            _tills.set_active(conn, self.clock, till_id, True, operator)
        self.till_tokens.forget()

    def rotate_till_token(self, till_id: str, *, operator: str = "system") -> _tills.NewToken:
        """A new token for a till (shown once); the old one is refused from now on."""
        with uow(self.engine) as conn:
            new = _tills.rotate_token(conn, self.clock, till_id, operator)
        self.till_tokens.forget()
        return new

    # -- backup and restore ------------------------------------------------------------------------
    def backup(self, out: Path, *, operator: str = "system") -> _backup.BackupFile:
        """Write a backup of this ledger's database and its checksum file; the audit log keeps when
        and where (action ``backup``)."""
        done = _backup.backup(self.engine, out)
        after = {"sha256": done.sha256, "bytes": done.size, "kind": done.kind}
        self.audit(operator, "backup", str(done.path.resolve()), after=after)
        return done

    def last_backup(self) -> _audit.AuditRecord | None:
        """The newest backup the audit log records, if any."""
        found = self.audit_log(action="backup", limit=1)
        return found[0] if found else None

    def restore(self, source: Path, *, operator: str = "system") -> tuple[_backup.BackupFile, list[str]]:
        """Restore a backup into this ledger's empty database (checksum first; a database with
        tables is refused), bring its schema up to date and verify it; the problems ``verify``
        finds, empty when the restored ledger is sound. Audited in the restored ledger."""
        done = _backup.restore(self.engine, source)
        self.upgrade()
        problems = self.verify()
        args = {"sha256": done.sha256, "bytes": done.size}
        self.audit(operator, "restore", str(source.resolve()), args=args, after={"problems": len(problems)})
        return done, problems

    # -- disputed offline claims -------------------------------------------------------------------
    def disputes(self, status: str | None = None) -> list[_disputes.DisputeRecord]:
        with reading(self.engine) as conn:
            return _disputes.disputes(conn, status)

    def resolve_dispute(
        self, dispute_id: str, *, accept: bool, note: str, operator: str
    ) -> _disputes.DisputeRecord:
        with uow(self.engine) as conn:
            done = _disputes.resolve_dispute(conn, self.clock, dispute_id, accept, note, operator)
            after = {"status": done.status, "amount": done.amount, "shop_id": done.shop_id}
            _audit.record(
                conn, self.clock, operator, "resolve_dispute", dispute_id, args={"note": note}, after=after
            )
            return done

    # -- queries and checks ------------------------------------------------------------------------
    def balances(self) -> list[AccountBalance]:
        with reading(self.engine) as conn:
            return _queries.balances(conn)

    def card_balance(self, number: str) -> int:
        with reading(self.engine) as conn:
            return _queries.card_balance(conn, number)

    def card_status(self, number: str) -> str:
        with reading(self.engine) as conn:
            return _queries.card_status(conn, number)

    def shortfalls(self) -> list[ShortfallRecord]:
        with reading(self.engine) as conn:
            return _queries.shortfalls(conn)

    def sales(
        self, shop_id: str | None = None, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[SaleRecord]:
        with reading(self.engine) as conn:
            return _queries.sales(conn, shop_id, start, end)

    def alerts(self) -> list[dict[str, Any]]:
        with reading(self.engine) as conn:
            return _alerts.alerts(conn)

    def verify(self) -> list[str]:
        """Check every invariant of ARCHITECTURE §3; readable problems, empty when the ledger is sound."""
        with reading(self.engine) as conn:
            return _verify.verify(conn)

    # -- oversight: reports, participant lookups, anomalies ----------------------------------------
    def spending(self, by: _oversight.SpendingBy, period: Period) -> list[_oversight.SpendingRow]:
        """Points spent in the period by centre, workplace, shop or business day."""
        with reading(self.engine) as conn:
            return _oversight.spending(conn, by, period)

    def unspent_by_centre(self) -> list[_oversight.UnspentCentre]:
        with reading(self.engine) as conn:
            return _oversight.unspent_by_centre(conn)

    def unspent_by_participant(self, centre: str | None = None) -> list[_oversight.UnspentParticipant]:
        """Who still holds points, with masked names (a full name needs ``lookup_participant``)."""
        with reading(self.engine) as conn:
            return _oversight.unspent_by_participant(conn, centre)

    def lookup_participant(self, query: str, *, operator: str) -> _oversight.ParticipantLookup:
        """Participants by id, card number or part of the name, with their cards, balances and
        sales; each one shown in full is recorded in the audit log as ``view_participant``."""
        with uow(self.engine) as conn:
            found = _oversight.lookup(conn, query)
            for detail in found.shown:
                after = {"cards": len(detail.cards), "sales": len(detail.sales)}
                target = detail.participant.participant_id
                _audit.record(
                    conn, self.clock, operator, "view_participant", target, args={"query": query}, after=after
                )
            return found

    def anomaly_thresholds(self, year: int | None = None) -> tuple[int, _scan.Thresholds]:
        """The programme year (the latest when None) and its anomaly thresholds."""
        with reading(self.engine) as conn:
            return _scan.thresholds(conn, year)

    def set_anomaly_thresholds(
        self, changes: dict[str, str], *, operator: str, year: int | None = None
    ) -> _scan.Thresholds:
        with uow(self.engine) as conn:
            found, before, after = _scan.set_thresholds(conn, year, changes)
            _audit.record(
                conn,
                self.clock,
                operator,
                "set_thresholds",
                str(found),
                args=changes,
                before=before.as_settings(),
                after=after.as_settings(),
            )
            return after

    def scan_anomalies(self, period: Period, *, operator: str = "system") -> _scan.ScanResult:
        """Run the anomaly rules over the period's sales; alerts are raised once per subject."""
        with uow(self.engine) as conn:
            result = _scan.scan(conn, self.clock, period)
            args = {"start": period.start, "end": period.end}
            _audit.record(
                conn, self.clock, operator, "scan_anomalies", period.label, args=args, after=result.summary()
            )
            return result

    def alert_list(
        self, status: str | None = None, kinds: Sequence[str] | None = None, limit: int = 1000
    ) -> list[_alerts.AlertRecord]:
        with reading(self.engine) as conn:
            return _alerts.alert_list(conn, status=status, kinds=kinds, limit=limit)

    def acknowledge_alert(self, alert_id: int, *, operator: str) -> _alerts.AlertRecord:
        with uow(self.engine) as conn:
            before, after = _alerts.acknowledge(conn, self.clock, alert_id, operator)
            _audit.record(
                conn,
                self.clock,
                operator,
                "acknowledge_alert",
                str(alert_id),
                before={"status": before.status},
                after={"status": after.status, "kind": after.kind, "subject": after.subject},
            )
            return after

    def resolve_alert(self, alert_id: int, *, operator: str, note: str) -> _alerts.AlertRecord:
        with uow(self.engine) as conn:
            before, after = _alerts.resolve(conn, self.clock, alert_id, operator, note)
            _audit.record(
                conn,
                self.clock,
                operator,
                "resolve_alert",
                str(alert_id),
                args={"note": note},
                before={"status": before.status},
                after={"status": after.status, "kind": after.kind, "subject": after.subject},
            )
            return after
