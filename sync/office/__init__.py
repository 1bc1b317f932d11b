"""The programme office's web console: server-rendered pages on the ledger's own services, served by
the ledger process under ``/office/`` (``create_office_app``)."""

from sync.office.app import PREFIX, create_office_app

__all__ = ["PREFIX", "create_office_app"]
