"""`python -m sync.ledger` is `allive-ledger`."""

import sys

from sync.ledger.cli import main

sys.exit(main())
