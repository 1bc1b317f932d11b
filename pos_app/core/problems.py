"""Problems the user can act on, as a code plus the values its message needs; the UI words them."""

from __future__ import annotations

from enum import StrEnum


class Problem(Exception):
    """Base of the till's refusals: ``code`` names what happened, ``values`` fill in its message.

    The core never words a message (ARCHITECTURE §2): the till's translation layer
    (``pos_app.ui.messages``) turns the code into Korean or English text.
    """

    def __init__(self, code: StrEnum, detail: str = "", **values: int | str) -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.values = values
