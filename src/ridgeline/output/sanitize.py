"""Making repository-controlled text safe to show: file names and snippets come from strangers.

Control characters (ESC, BEL, CR, NUL, C1 controls, …) are shown as visible escapes so that a file
name cannot drive a terminal, and Markdown code spans are fenced so that a name cannot close them.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with every control and bidi-override character replaced by a ``\\xNN``/``\\uNNNN`` escape."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROL.sub(escape, text)


def code_span(text: str) -> str:
    """A Markdown inline code span that ``text`` cannot break out of."""
    text = visible(text)
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
