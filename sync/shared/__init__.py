"""What the till and the ledger both need: entry types, the hash chain, card numbers and signatures, time.

Nothing here imports Qt, the till or the ledger: ``pip install '.[ledger]'`` and ``'.[till]'`` both bring it.
"""
