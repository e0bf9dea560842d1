"""The JUEL that Camunda Modeler users write (``${approved}``, ``${amount > 1000 && !urgent}``), translated to
the Python the engine's sandbox runs, with JUEL's meaning kept.

JUEL and Python read alike and mean different things: JUEL compares ``1 == "1"`` as numbers, reads a
missing map key or a property of null as null, adds ``"2" + 3`` as numbers, and takes ``&&`` only of
booleans. So operators whose meaning differs are translated to calls of this module's runtime
(``_juel_.eq(a, b)``, a name diagram code can not shadow); where the two agree (a variable, a literal) the
Python is plain. What lies beyond the subset (method and function calls, ``execution``, ``#{…}``, lambdas,
assignments, collection literals) is refused when the diagram is deployed, naming JUEL and the construct
and, when there is one, the Python to write instead.

The parser is LALR (lark), so reading an expression takes time linear in its length.
"""

from __future__ import annotations

import keyword
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Transformer_NonRecursive, Tree, v_args
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, VisitError

from .code_policy import JUEL_RUNTIME as RUNTIME_NAME  # the one name the sandbox lets translated code read

_GRAMMAR = r"""
?start: ternary
?ternary: or_expr
        | or_expr "?" ternary ":" ternary -> ternary
?or_expr: and_expr
        | or_expr ("||" | "or") and_expr -> or_
?and_expr: eq_expr
        | and_expr ("&&" | "and") eq_expr -> and_
?eq_expr: rel_expr
        | eq_expr ("==" | "eq") rel_expr -> eq
        | eq_expr ("!=" | "ne") rel_expr -> ne
?rel_expr: add_expr
        | rel_expr ("<" | "lt") add_expr -> lt
        | rel_expr (">" | "gt") add_expr -> gt
        | rel_expr ("<=" | "le") add_expr -> le
        | rel_expr (">=" | "ge") add_expr -> ge
        | rel_expr "instanceof" add_expr -> instanceof
?add_expr: mul_expr
        | add_expr "+" mul_expr -> add
        | add_expr "-" mul_expr -> sub
        | add_expr "+=" mul_expr -> concatenate
?mul_expr: unary
        | mul_expr "*" unary -> mul
        | mul_expr ("/" | "div") unary -> div
        | mul_expr ("%" | "mod") unary -> mod
?unary: value
      | "-" unary -> negative
      | ("!" | "not") unary -> not_
      | "empty" unary -> empty
?value: atom
      | value "." NAME -> dot
      | value "[" ternary "]" -> bracket
      | value "(" [arguments] ")" -> call
arguments: ternary ("," ternary)*
?atom: STRING -> string
     | INT -> integer
     | FLOAT -> floating
     | "true" -> true
     | "false" -> false
     | "null" -> null
     | NAME -> variable
     | FUNCTION "(" [arguments] ")" -> function
     | "(" ternary ")"
     | "[" [arguments] "]" -> collection
     | "{" [arguments] "}" -> collection
NAME: /[A-Za-z_$][A-Za-z0-9_$]*/
FUNCTION.2: /[A-Za-z_]\w*:[A-Za-z_]\w*(?=\s*\()/
INT: /[0-9]+/
FLOAT: /[0-9]+\.[0-9]*([eE][+-]?[0-9]+)?/ | /\.[0-9]+([eE][+-]?[0-9]+)?/ | /[0-9]+[eE][+-]?[0-9]+/
STRING: /'(\\[\\'"]|[^\\'])*'/ | /"(\\[\\'"]|[^\\"])*"/
%ignore /[ \t\r\n]+/
"""


@lru_cache(maxsize=1)
def _parser() -> Lark:
    """The grammar's LALR parser, built when an expression is first read (a tenth of a second of CPU): a
    script evaluator imports this module for JUEL's runtime and never reads an expression."""
    return Lark(_GRAMMAR, parser="lalr", maybe_placeholders=False)


_PLAIN_OPERATORS = {
    "eq": "==", "ne": "!=", "lt": "<", "gt": ">", "le": "<=", "ge": ">=",
    "add": "+", "sub": "-", "mul": "*", "div": "/", "mod": "%",
}  # fmt: skip
_ESCAPE = re.compile(r"\\([\\'\"])")
_CONTEXT_OBJECTS = frozenset({"execution", "task", "authenticatedUserId", "processEngine", "variableScope"})


class JuelRefused(ValueError):
    """A JUEL text the engine does not run: the message names the construct, and the Python rewrite when
    there is one."""


@dataclass(frozen=True)
class _Code:
    """One expression translated twice: as it runs (JUEL's meaning, through the runtime) and as a person
    would write it in Python (offered as the rewrite when the expression is refused). ``context`` marks
    Camunda's ``execution`` object and what is read of it, which only ``getVariable`` may use."""

    run: str
    plain: str
    context: bool = False
    chain: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None  # an and/or chain, kept flat


class _Refusal(Exception):
    def __init__(self, what: str, rewrite: str | None = None):
        super().__init__(what)
        self.what = what  # "JUEL: <what>"
        self.rewrite = rewrite


def _unsupported(construct: str, rewrite: str | None = None) -> _Refusal:
    return _Refusal(f"{construct} is not supported", rewrite)


def _rt(function: str, *arguments: str) -> str:
    return f"{RUNTIME_NAME}.{function}({', '.join(arguments)})"


def _operands(*codes: _Code) -> None:
    for code in codes:
        if code.context:
            raise _unsupported(f'the Camunda context object "{code.plain}"')


def _operator(function: str):
    def translate(self, left: _Code, right: _Code) -> _Code:
        _operands(left, right)
        plain = f"({left.plain} {_PLAIN_OPERATORS[function]} {right.plain})"
        return _Code(_rt(function, left.run, right.run), plain)

    return translate


def _chained(word: str, left: _Code, right: _Code) -> _Code:
    """``a && b && c`` as one flat ``and`` of three, not two nested ones: Python reads only so many
    nested parentheses."""
    _operands(left, right)
    runs, plains = (left.chain[1], left.chain[2]) if left.chain and left.chain[0] == word else ((), ())
    runs = (*(runs or (_rt("boolean", left.run),)), _rt("boolean", right.run))
    plains = (*(plains or (left.plain,)), right.plain)
    run, plain = f"({f' {word} '.join(runs)})", f"({f' {word} '.join(plains)})"
    return _Code(run, plain, chain=(word, runs, plains))


@v_args(inline=True)
class _Translate(Transformer_NonRecursive):
    """Builds both translations bottom-up; a construct beyond the subset raises ``_Refusal``, except one
    with an obvious rewrite (``execution.getVariable('x')`` is ``x``), which is noted, so that the refusal
    can offer the whole expression rewritten."""

    def __init__(self):
        super().__init__()
        self.rewritten: list[str] = []

    # -- literals and names
    def string(self, token: Token) -> _Code:
        text = repr(_ESCAPE.sub(r"\1", token[1:-1]))
        return _Code(text, text)

    def integer(self, token: Token) -> _Code:
        return _Code(str(int(token)), str(int(token)))

    def floating(self, token: Token) -> _Code:
        return _Code(repr(float(token)), repr(float(token)))

    def true(self) -> _Code:
        return _Code("True", "True")

    def false(self) -> _Code:
        return _Code("False", "False")

    def null(self) -> _Code:
        return _Code("None", "None")

    def variable(self, name: Token) -> _Code:
        name = str(name)
        if name in _CONTEXT_OBJECTS:
            return _Code(name, name, context=True)
        if "$" in name or name.startswith("_"):
            raise _unsupported(f'the variable name "{name}" (a name of letters, digits and "_")')
        if keyword.iskeyword(name) or keyword.issoftkeyword(name):
            raise _Refusal(f'the variable name "{name}" is a word Python keeps for itself: rename it')
        return _Code(name, name)

    # -- properties
    def dot(self, base: _Code, name: Token) -> _Code:
        if base.context:
            return _Code(base.run, f"{base.plain}.{name}", context=True)
        key = repr(str(name))
        return _Code(_rt("property", base.run, key), f"{base.plain}[{key}]")

    def bracket(self, base: _Code, key: _Code) -> _Code:
        _operands(base, key)
        return _Code(_rt("property", base.run, key.run), f"{base.plain}[{key.plain}]")

    # -- operators
    eq, ne, lt, gt, le, ge = (_operator(f) for f in ("eq", "ne", "lt", "gt", "le", "ge"))
    add, sub, mul, div, mod = (_operator(f) for f in ("add", "sub", "mul", "div", "mod"))

    def negative(self, operand: _Code) -> _Code:
        _operands(operand)
        return _Code(_rt("negative", operand.run), f"-{operand.plain}")

    def not_(self, operand: _Code) -> _Code:
        _operands(operand)
        return _Code(f"(not {_rt('boolean', operand.run)})", f"(not {operand.plain})")

    def empty(self, operand: _Code) -> _Code:
        _operands(operand)
        return _Code(_rt("empty", operand.run), f"(not {operand.plain})")

    def and_(self, left: _Code, right: _Code) -> _Code:
        return _chained("and", left, right)

    def or_(self, left: _Code, right: _Code) -> _Code:
        return _chained("or", left, right)

    def ternary(self, test: _Code, then: _Code, otherwise: _Code) -> _Code:
        _operands(test, then, otherwise)
        run = f"({then.run} if {_rt('boolean', test.run)} else {otherwise.run})"
        return _Code(run, f"({then.plain} if {test.plain} else {otherwise.plain})")

    # -- beyond the subset
    def instanceof(self, left: _Code, right: _Code) -> _Code:
        raise _unsupported('the operator "instanceof"')

    def concatenate(self, left: _Code, right: _Code) -> _Code:
        rewrite = f"the Python str({left.plain}) + str({right.plain})"
        raise _unsupported('the string concatenation "+="', rewrite)

    def call(self, target: _Code, given: list[_Code] | None = None) -> _Code:
        given = given or []
        if target.plain == "execution.getVariable" and len(given) == 1 and given[0].plain[:1] in "'\"":
            self.rewritten.append('the method call "execution.getVariable(…)"')
            name = given[0].plain[1:-1]
            return self.variable(Token("NAME", name)) if name.isidentifier() else _Code(name, name)
        if target.context:
            raise _unsupported(f'the method call "{target.plain}(…)" of Camunda\'s context')
        method = target.plain.rsplit("[", 1)[-1].strip("]'")
        shown = f"{method}(…)" if "[" not in target.plain else f"….{method}(…)"
        raise _unsupported(f'the method or function call "{shown}"')

    def arguments(self, *items: _Code) -> list[_Code]:
        return list(items)

    def function(self, name: Token, *arguments: Any) -> _Code:
        raise _unsupported(f'the function "{name}(…)"')

    def collection(self, *children: Any) -> _Code:
        raise _unsupported("a collection literal ([…] or {…})")


# -- reading a text: literal parts and ${…} parts ---------------------------------------------------------


def is_juel(text: str | None) -> bool:
    """Whether a diagram's text holds a JUEL expression (``${…}`` or ``#{…}``)."""
    return bool(text) and ("${" in text or "#{" in text)


def _parts(text: str) -> list[tuple[bool, str]]:
    """The text cut into literal parts (False, text) and expression parts (True, inside of ${…})."""
    parts: list[tuple[bool, str]] = []
    literal, i = [], 0
    while i < len(text):
        if text.startswith("\\${", i) or text.startswith("\\#{", i):
            literal.append(text[i + 1 : i + 3])
            i += 3
        elif text.startswith("#{", i):
            raise _unsupported("a deferred expression #{…}", None)
        elif text.startswith("${", i):
            end, quote = i + 2, None
            while end < len(text) and (quote or text[end] != "}"):
                if quote and text[end] == "\\":
                    end += 1
                elif text[end] in "'\"":
                    quote = None if quote == text[end] else (quote or text[end])
                end += 1
            if end >= len(text):
                raise _Refusal('"${" has no closing "}"')
            if literal:
                parts.append((False, "".join(literal)))
                literal = []
            parts.append((True, text[i + 2 : end]))
            i = end + 1
        else:
            literal.append(text[i])
            i += 1
    if literal:
        parts.append((False, "".join(literal)))
    return parts


def _expression(inner: str) -> _Code:
    if not inner.strip():
        raise _Refusal("the expression ${} is empty")
    try:
        tree = _parser().parse(inner)
        if _depth(tree) > MAX_DEPTH:
            raise _Refusal(f"the expression is nested more than {MAX_DEPTH} levels deep: split it up")
        translate = _Translate()
        code = translate.transform(tree)
    except VisitError as error:
        if isinstance(error.orig_exc, _Refusal):
            raise error.orig_exc from None
        raise
    except (UnexpectedCharacters, UnexpectedEOF, UnexpectedInput) as error:
        raise _unreadable(inner, error) from None
    except LarkError as error:  # pragma: no cover (what lark raises besides the above)
        raise _Refusal(f"can not read it ({error})") from None
    _operands(code)
    if translate.rewritten:
        raise _unsupported(translate.rewritten[0], f"the Python {code.plain}")
    return code


MAX_DEPTH = 40  # operators inside operators: Python reads at most 200 nested parentheses


def _depth(tree: Tree) -> int:
    deepest, to_visit = 0, [(tree, 1)]
    while to_visit:
        node, depth = to_visit.pop()
        deepest = max(deepest, depth)
        # a chain of "and" or "or" becomes one flat expression (see _chained): it adds no depth
        to_visit.extend(
            (child, depth if child.data == node.data and node.data in ("and_", "or_") else depth + 1)
            for child in node.children
            if isinstance(child, Tree)
        )
    return deepest


def _unreadable(inner: str, error: UnexpectedInput) -> _Refusal:
    if re.search(r"->(?=(?:[^'\"]|'[^']*'|\"[^\"]*\")*$)", inner):
        return _unsupported("a lambda expression")
    column = getattr(error, "column", None)
    token = getattr(error, "token", None)
    ended = isinstance(error, UnexpectedEOF) or getattr(token, "type", None) == "$END"
    if ended or column is None or column < 1:
        return _Refusal(f'can not read "{inner.strip()}": it ends too early')
    at = inner.splitlines()[error.line - 1][column - 1 :] if error.line and error.line > 0 else inner
    if at.startswith("="):
        return _unsupported('an assignment "="', '"==" to compare')
    if at.startswith("->"):
        return "a lambda expression"
    if at.startswith(";"):
        return _unsupported('";" between expressions')
    return _Refusal(f'can not read "{inner.strip()}" at "{at[:20]}"')


@lru_cache(maxsize=4096)
def _translated(text: str, condition: bool) -> _Code | _Refusal:
    try:
        parts = _parts(text)
        if condition and (len(parts) != 1 or not parts[0][0]):
            raise _Refusal("a condition is one ${…} expression, with no text around it")
        codes = [_expression(inner) if code else _Code(repr(inner), repr(inner)) for code, inner in parts]
    except _Refusal as refusal:
        return refusal
    if condition:
        return _Code(_rt("condition", codes[0].run), codes[0].plain)
    if len(codes) == 1 and parts[0][0]:
        return codes[0]
    run = _rt("text", *(code.run for code in codes))
    plain = " + ".join(
        f"str({c.plain})" if code else c.plain for c, (code, _) in zip(codes, parts, strict=True)
    )
    return _Code(run, plain)


def to_python(text: str, *, condition: bool = False) -> str:
    """The Python that runs the JUEL ``text`` as JUEL means it, or JuelRefused saying what is beyond the
    subset. A ``condition`` is one ``${…}`` whose value must be a boolean; any other text is a value:
    ``${x}`` is x's value, text around ``${…}`` makes a string."""
    translated = _translated(text, condition)
    if isinstance(translated, _Refusal):
        rewrite = f": write {translated.rewrite} instead" if translated.rewrite else ""
        raise JuelRefused(f"JUEL: {translated.what}{rewrite}")
    return translated.run


# -- the runtime translated code calls --------------------------------------------------------------------


class JuelError(ValueError):
    """A value JUEL itself would not accept (a text that is no number where a number is needed)."""


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _number(value: Any) -> int | float | Decimal:
    if value is None or value == "":
        return 0
    if _is_number(value):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            pass
    raise JuelError(f"JUEL can not use {_shown(value)} as a number")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float | Decimal):
        return str(value)
    raise JuelError(f"JUEL can not use {_shown(value)} as a text")


def _boolean(value: Any) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() == "true"
    raise JuelError(f"JUEL can not use {_shown(value)} as a boolean")


def _shown(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", bool: "a boolean", str: "the text"}
    kind = kinds.get(type(value), "the value")
    return f"{kind} {value!r}" if isinstance(value, str | bool | int | float) else kind


def _floating(value: Any) -> bool:
    return isinstance(value, float | Decimal) or (isinstance(value, str) and any(c in value for c in ".eE"))


class JuelRuntime:
    """JUEL's operators (JSR 245, Expression Language 2.2, section 1.7–1.10) over JSON's values."""

    @staticmethod
    def condition(value: Any) -> bool:
        if not isinstance(value, bool):
            raise JuelError(f"a JUEL condition must be true or false, not {_shown(value)}")
        return value

    boolean = staticmethod(_boolean)

    @staticmethod
    def text(*values: Any) -> str:
        return "".join(_text(value) for value in values)

    @staticmethod
    def empty(value: Any) -> bool:
        return value is None or (isinstance(value, str | list | tuple | dict) and len(value) == 0)

    @staticmethod
    def property(base: Any, key: Any) -> Any:
        """``a.b`` and ``a['b']``: null of null, a map's entry (null when it has none), a list's item by
        index (null when out of range)."""
        if base is None or key is None:
            return None
        if isinstance(base, dict):
            return base.get(key if isinstance(key, str) else _text(key))
        if isinstance(base, list | tuple):
            index = _number(key)
            if not isinstance(index, int):
                raise JuelError(f"JUEL can not use {_shown(key)} as a list index")
            return base[index] if 0 <= index < len(base) else None
        raise JuelError(f"JUEL can not read the property {key!r} of {_shown(base)}")

    @staticmethod
    def eq(left: Any, right: Any) -> bool:
        if left is None or right is None:
            return left is right
        if _is_number(left) or _is_number(right):
            return _number(left) == _number(right)
        if isinstance(left, bool) or isinstance(right, bool):
            return _boolean(left) == _boolean(right)
        if isinstance(left, str) or isinstance(right, str):
            return _text(left) == _text(right)
        return left == right

    @classmethod
    def ne(cls, left: Any, right: Any) -> bool:
        return not cls.eq(left, right)

    @staticmethod
    def _order(left: Any, right: Any) -> tuple[Any, Any] | None:
        if left is None or right is None:
            return None
        if _is_number(left) or _is_number(right):
            return _number(left), _number(right)
        if isinstance(left, str) or isinstance(right, str):
            return _text(left), _text(right)
        if type(left) is type(right) and isinstance(left, bool):
            return left, right
        raise JuelError(f"JUEL can not order {_shown(left)} and {_shown(right)}")

    @classmethod
    def lt(cls, left: Any, right: Any) -> bool:
        pair = cls._order(left, right)
        return pair is not None and pair[0] < pair[1]

    @classmethod
    def gt(cls, left: Any, right: Any) -> bool:
        pair = cls._order(left, right)
        return pair is not None and pair[0] > pair[1]

    @classmethod
    def le(cls, left: Any, right: Any) -> bool:
        if left is None and right is None:
            return True
        pair = cls._order(left, right)
        return pair is not None and pair[0] <= pair[1]

    @classmethod
    def ge(cls, left: Any, right: Any) -> bool:
        if left is None and right is None:
            return True
        pair = cls._order(left, right)
        return pair is not None and pair[0] >= pair[1]

    @staticmethod
    def add(left: Any, right: Any) -> Any:
        return _number(left) + _number(right)

    @staticmethod
    def sub(left: Any, right: Any) -> Any:
        return _number(left) - _number(right)

    @staticmethod
    def mul(left: Any, right: Any) -> Any:
        left, right = _number(left), _number(right)
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > 64:
            raise JuelError("JUEL's numbers have 64 bits: the product is larger")
        return left * right

    @staticmethod
    def div(left: Any, right: Any) -> float:
        if left is None and right is None:
            return 0
        return float(_number(left)) / float(_number(right))

    @staticmethod
    def mod(left: Any, right: Any) -> Any:
        if left is None and right is None:
            return 0
        floating = _floating(left) or _floating(right)
        left, right = _number(left), _number(right)
        if floating:
            return math.fmod(float(left), float(right))
        remainder = abs(left) % abs(right)  # Java's remainder takes the sign of the dividend
        return remainder if left >= 0 else -remainder

    @staticmethod
    def negative(value: Any) -> Any:
        return -_number(value)


RUNTIME = JuelRuntime()
