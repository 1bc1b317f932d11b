"""`python -m sync.admin` is `allive-admin`."""

import sys

from sync.admin.cli import main

sys.exit(main())
