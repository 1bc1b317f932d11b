"""The shop manager's screens (Qt): ``ManagerWindow`` is what the sale screen opens after a manager PIN."""

from pos_app.ui.manager.common import install_translator
from pos_app.ui.manager.window import ManagerWindow

__all__ = ["ManagerWindow", "install_translator"]
