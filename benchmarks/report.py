"""How benchmarks print: one line per figure with its budget (or baseline) and the ratio."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    budget: float | None = None  # a ceiling unless higher_is_better
    higher_is_better: bool = False
    baseline: float | None = None
    baseline_name: str = ""

    def verdict(self) -> str:
        if self.budget is None:
            return ""
        ok = self.value >= self.budget if self.higher_is_better else self.value <= self.budget
        return "OK" if ok else "OVER BUDGET"

    def line(self) -> str:
        # Counts (photos read, entries) print as whole numbers, measurements with two decimals.
        shown = f"{self.value:>10.0f}" if float(self.value).is_integer() else f"{self.value:>10.2f}"
        text = f"  {self.name:<58} {shown} {self.unit:<9}"
        if self.budget is not None:
            sign = "≥" if self.higher_is_better else "≤"
            # A budget of zero (no errors) has no ratio to show.
            versus = f" (ratio {self.value / self.budget:.2f})" if self.budget else ""
            text += f" budget {sign} {self.budget:g} {self.unit}{versus} {self.verdict()}"
        if self.baseline is not None:
            ratio = self.value / self.baseline if self.baseline else float("inf")
            text += f" vs {self.baseline_name} {self.baseline:g} (ratio {ratio:.2f})"
        return text


def print_figures(title: str, figures: list[Figure]) -> None:
    print(f"\n== {title} ==")
    for figure in figures:
        print(figure.line(), flush=True)
