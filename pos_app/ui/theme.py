"""The till's look: large type, big touch targets, colours with at least 4.5:1 contrast."""

from __future__ import annotations

# Colour pairs (text, background) used on the sale screen; tests check their contrast ratio.
INK = "#14261b"
PAPER = "#ffffff"
OLIVE = "#1f5f3f"  # primary buttons, white text on it
OLIVE_LIGHT = "#e6efe8"
ALERT = "#a4000f"
ALERT_BG = "#fdecee"
OFFLINE = "#7a4100"
OFFLINE_BG = "#fff3e0"
MUTED = "#3d4a42"

CONTRAST_PAIRS = [
    (INK, PAPER),
    ("#ffffff", OLIVE),
    (INK, OLIVE_LIGHT),
    (ALERT, ALERT_BG),
    (OFFLINE, OFFLINE_BG),
    (MUTED, PAPER),
    ("#ffffff", ALERT),
]

STYLE = f"""
QWidget {{ font-size: 18px; color: {INK}; background: {PAPER}; }}
QPushButton {{ min-height: 56px; padding: 0 14px; border-radius: 8px; background: {OLIVE_LIGHT};
              border: 1px solid #6b8f76; font-size: 19px; }}
QPushButton:pressed {{ background: #c9dccd; }}
QPushButton:disabled {{ color: #6b6b6b; background: #f0f0f0; border-color: #c8c8c8; }}
QPushButton[primary="true"] {{ background: {OLIVE}; color: #ffffff; font-weight: bold; border: none; font-size: 24px; }}
QPushButton[danger="true"] {{ background: {ALERT}; color: #ffffff; font-weight: bold; border: none; }}
QPushButton[product="true"] {{ min-height: 96px; font-size: 20px; text-align: center; }}
QPushButton[product="true"]:disabled {{ color: #6b6b6b; }}
QPushButton[tab="true"] {{ min-height: 52px; font-size: 19px; }}
QPushButton[tab="true"]:checked {{ background: {OLIVE}; color: #ffffff; font-weight: bold; }}
QLineEdit, QSpinBox {{ min-height: 48px; font-size: 22px; padding: 0 8px; border: 1px solid #6b8f76; border-radius: 6px; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 0; }}
QTableWidget {{ font-size: 19px; gridline-color: #d5ded8; }}
QHeaderView::section {{ font-size: 17px; font-weight: bold; padding: 6px; background: {OLIVE_LIGHT}; border: none; }}
QListWidget {{ font-size: 19px; }}
QLabel[total="true"] {{ font-size: 44px; font-weight: bold; }}
QLabel[huge="true"] {{ font-size: 56px; font-weight: bold; color: {OLIVE}; }}
QLabel[caption="true"] {{ font-size: 17px; color: {MUTED}; }}
QLabel[heading="true"] {{ font-size: 24px; font-weight: bold; }}
QLabel[message="error"] {{ color: {ALERT}; background: {ALERT_BG}; font-weight: bold; padding: 8px; border-radius: 6px; }}
QLabel[message="ok"] {{ color: {OLIVE}; font-weight: bold; padding: 8px; }}
QLabel[message="info"] {{ color: {INK}; padding: 8px; }}
QLabel[status="online"] {{ color: {OLIVE}; font-weight: bold; }}
QLabel[status="offline"] {{ color: {OFFLINE}; background: {OFFLINE_BG}; font-weight: bold; padding: 4px 8px; }}
QFrame[panel="true"] {{ background: #f4f8f5; border: 1px solid #c9d8cd; border-radius: 10px; }}
QFrame[panel="true"] QLabel {{ background: transparent; }}
"""


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def restyle(widget: object) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    style = widget.style()  # type: ignore[attr-defined]
    style.unpolish(widget)
    style.polish(widget)
