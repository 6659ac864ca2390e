"""Training offer for elected officials and agents.

Why an app: a training offer is its own kind of catalogue entry, with an
audience, sessions and a registration link. It is neither a programme (no
eligibility, no territory) nor a pacte, so it gets its own small app rather
than a module in ``programmes`` or ``pactes``.
"""
