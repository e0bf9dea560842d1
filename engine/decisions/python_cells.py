"""Cells a decision table declares Python (``expressionLanguage="python"``), read as the engine read them
before FEEL: an input entry is a whole expression compared with the input (``"pharmacy"``), a test put
after the input's value (``> 5``, ``in ["a", "b"]``) or an expression where ``?`` stands for that value
(``? != "pharmacy"``). The code itself runs in the engine's sandbox, behind ``evaluate``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# The name the input's value goes by inside a Python cell.
INPUT_NAME = "dmninputexpr"

Evaluate = Callable[[str, Mapping[str, Any]], Any]  # (expression, extra names) -> value, in the sandbox


def with_input_name(text: str) -> str | None:
    """``text`` with each ``?`` outside quotes replaced by the input's name, or None when it has none.
    One pass over the text, so a cell of any length costs its length (a regular expression here was
    quadratic: a cell of 150,000 "?" held a deploy)."""
    parts, quote, found = [], None, False
    escaped = False
    for char in text:
        if quote:
            escaped = char == "\\" and not escaped
            if char == quote and not escaped:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "?":
            parts.append(INPUT_NAME)
            found = True
            continue
        parts.append(char)
    return "".join(parts) if found else None


def is_whole_expression(text: str) -> bool:
    try:
        compile(text.strip(), "<cell>", "eval")
    except SyntaxError:
        return False
    return True


def test_expression(text: str) -> str:
    """The Python expression that says whether the input (named ``INPUT_NAME``) passes the cell."""
    placed = with_input_name(text)
    if placed is not None:
        return placed
    if is_whole_expression(text):
        return f"{INPUT_NAME} == ({text.strip()})"
    return f"{INPUT_NAME} {text.strip()}"


def passes(text: str, value: Any, context: Mapping[str, Any], evaluate: Evaluate) -> bool:
    return bool(evaluate(test_expression(text), {**context, INPUT_NAME: value}))
