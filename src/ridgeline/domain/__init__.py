"""Pure records and rules of the scanning domain.

Nothing here imports another part of ridgeline or any framework, so every other layer can depend
on it without cycles and the rules can be tested in isolation.
"""
