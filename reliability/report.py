"""The one table `make reliability` prints: rounds, faults, lost, duplicated, violations, money
beyond the rules, 5xx, and figures over their budget (latency, planted bugs the harness missed)."""

from __future__ import annotations

from dataclasses import dataclass

COLUMNS = (
    ("rounds", "rounds"),
    ("faults", "faults injected"),
    ("lost", "sales lost"),
    ("duplicated", "sales duplicated"),
    ("violations", "invariant violations"),
    # Cards below 0 (PostgreSQL refuses those itself) and offline points beyond the caps: a column
    # that can show a failure on either database.
    ("overdrafts", "beyond the rules"),
    ("server_errors", "5xx responses"),
    ("over_budget", "over budget / missed"),
)


@dataclass
class Row:
    name: str
    rounds: int = 0
    faults: int = 0
    lost: int = 0
    duplicated: int = 0
    violations: int = 0
    overdrafts: int = 0
    server_errors: int = 0
    over_budget: int = 0

    @property
    def clean(self) -> bool:
        return not (
            self.lost
            or self.duplicated
            or self.violations
            or self.overdrafts
            or self.server_errors
            or self.over_budget
        )


def table(rows: list[Row]) -> str:
    """A plain-text table with a total line; every column but rounds and faults must read 0."""
    total = Row("total")
    for row in rows:
        for attr, _ in COLUMNS:
            setattr(total, attr, getattr(total, attr) + getattr(row, attr))
    headers = ["", *[title for _, title in COLUMNS]]
    body = [[row.name, *[f"{getattr(row, attr):,}" for attr, _ in COLUMNS]] for row in [*rows, total]]
    widths = [max(len(line[i]) for line in [headers, *body]) for i in range(len(headers))]

    def render(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
            + " |"
        )

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([render(headers), rule, *[render(line) for line in body]])
