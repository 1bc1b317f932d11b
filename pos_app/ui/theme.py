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
    ("#ffffff", OFFLINE),
]

# Type sizes in pixels on a 1024×768 screen; larger screens scale them up (``style_for``).
BODY_PX = 22
BASE_SIZE = (1024, 768)
MAX_SCALE = 1.6


def scale_for(width: int, height: int) -> float:
    """How much larger than on 1024×768 the type and targets are, in steps of 0.1 (never smaller)."""
    raw = min(width / BASE_SIZE[0], height / BASE_SIZE[1])
    return round(min(MAX_SCALE, max(1.0, raw)), 1)


def style_for(scale: float = 1.0) -> str:
    """The till's stylesheet at a scale: body text 22 px on 1024×768, amounts and totals larger."""

    def px(size: float) -> int:
        return round(size * scale)

    return f"""
QWidget {{ font-size: {px(BODY_PX)}px; color: {INK}; background: {PAPER}; }}
QPushButton {{ min-height: {px(56)}px; padding: 0 {px(10)}px; border-radius: 8px; background: {OLIVE_LIGHT};
              border: 1px solid #6b8f76; font-size: {px(22)}px; }}
QPushButton:pressed {{ background: #c9dccd; }}
QPushButton:disabled {{ color: #6b6b6b; background: #f0f0f0; border-color: #c8c8c8; }}
QPushButton[primary="true"] {{ background: {OLIVE}; color: #ffffff; font-weight: bold; border: none; font-size: {px(28)}px; }}
QPushButton[danger="true"] {{ background: {ALERT}; color: #ffffff; font-weight: bold; border: none; }}
QPushButton[product="true"] {{ min-height: {px(92)}px; font-size: {px(23)}px; text-align: center; }}
QPushButton[product="true"]:disabled {{ color: #6b6b6b; }}
QPushButton[tab="true"] {{ min-height: {px(52)}px; font-size: {px(22)}px; }}
QPushButton[tab="true"]:checked {{ background: {OLIVE}; color: #ffffff; font-weight: bold; }}
QPushButton[key="true"] {{ min-height: {px(58)}px; font-size: {px(28)}px; font-weight: bold; }}
QLineEdit, QSpinBox {{ min-height: {px(50)}px; font-size: {px(26)}px; padding: 0 8px; border: 1px solid #6b8f76; border-radius: 6px; }}
QLineEdit:focus {{ border: 3px solid {OLIVE}; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 0; }}
QTableWidget {{ font-size: {px(22)}px; gridline-color: #d5ded8; }}
QHeaderView::section {{ font-size: {px(22)}px; font-weight: bold; padding: 4px; background: {OLIVE_LIGHT}; border: none; }}
QListWidget {{ font-size: {px(22)}px; }}
QLabel[total="true"] {{ font-size: {px(44)}px; font-weight: bold; }}
QLabel[amount="true"] {{ font-size: {px(32)}px; font-weight: bold; }}
QLabel[huge="true"] {{ font-size: {px(56)}px; font-weight: bold; color: {OLIVE}; }}
QLabel[caption="true"] {{ font-size: {px(22)}px; color: {MUTED}; }}
QLabel[heading="true"] {{ font-size: {px(28)}px; font-weight: bold; }}
QLabel[message="error"] {{ color: {ALERT}; background: {ALERT_BG}; font-weight: bold; padding: 6px; border-radius: 6px; }}
QLabel[message="ok"] {{ color: {OLIVE}; font-weight: bold; padding: 6px; }}
QLabel[message="info"] {{ color: {INK}; padding: 6px; }}
QLabel[message="warn"] {{ color: {OFFLINE}; background: {OFFLINE_BG}; font-weight: bold; padding: 6px; border-radius: 6px; }}
QLabel[status="online"] {{ color: {OLIVE}; font-weight: bold; }}
QLabel[status="offline"] {{ color: {OFFLINE}; background: {OFFLINE_BG}; font-weight: bold; padding: 4px 8px; }}
QLabel[badge="offline"] {{ color: #ffffff; background: {OFFLINE}; font-weight: bold; padding: 4px 14px; border-radius: 8px; font-size: {px(26)}px; }}
QLabel[badge="online"] {{ color: #ffffff; background: {OLIVE}; font-weight: bold; padding: 4px 14px; border-radius: 8px; }}
QFrame[panel="true"] {{ background: #f4f8f5; border: 1px solid #c9d8cd; border-radius: 10px; }}
QFrame[panel="true"] QLabel {{ background: transparent; }}
QFrame[paid="true"] {{ background: {OLIVE}; border-radius: 16px; }}
QFrame[paid="true"] QLabel {{ background: transparent; color: #ffffff; }}
QFrame[paid="true"] QLabel[huge="true"] {{ font-size: {px(72)}px; }}
"""


STYLE = style_for(1.0)


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
