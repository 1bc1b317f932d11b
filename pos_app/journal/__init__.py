"""The till's local journal: durable, append-only, hash-chained; outbox and card snapshot."""

from pos_app.journal.store import Ack, Journal, JournalCorrupt, JournalWriteFailed, SnapshotCard
from sync.shared.chain import GENESIS_HASH, JournalEntry, canonical_json, chain_problems, entry_hash

__all__ = [
    "GENESIS_HASH",
    "Ack",
    "Journal",
    "JournalCorrupt",
    "JournalEntry",
    "JournalWriteFailed",
    "SnapshotCard",
    "canonical_json",
    "chain_problems",
    "entry_hash",
]
