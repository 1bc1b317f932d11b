"""Qt-free domain of the till: money, catalogue, cart, tenders, refunds, offline rules."""
