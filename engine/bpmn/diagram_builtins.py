"""What diagram code may call: a small allow-list of builtins and guarded operators, bounded so that no
single C call does unbounded work."""

from __future__ import annotations

import decimal
import operator
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from RestrictedPython import (
    PrintCollector,
    safe_builtins,
)
from RestrictedPython.Guards import (
    full_write_guard,
    guarded_iter_unpack_sequence,
    guarded_unpack_sequence,
    safer_getattr,
)

# Every code object compiled from a diagram carries this filename: the tracer recognises diagram
from .code_policy import JUEL_RUNTIME, MAX_DECIMAL_EXPONENT, MAX_INT_BITS, MAX_ITEMS
from .juel import RUNTIME as JUEL


def _guarded_mul(left: Any, right: Any) -> Any:
    for sequence, times in ((left, right), (right, left)):
        if (
            isinstance(sequence, str | bytes | list | tuple)
            and isinstance(times, int)
            and len(sequence) * times > MAX_ITEMS
        ):
            raise ValueError(f"repeating a sequence to more than {MAX_ITEMS:,} items is not allowed")
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and left.bit_length() + right.bit_length() > MAX_INT_BITS
    ):
        raise ValueError(f"integers larger than {MAX_INT_BITS:,} bits are not allowed")
    return left * right


def _guarded_pow(base: Any, exponent: Any, modulus: Any = None) -> Any:
    if modulus is not None:
        raise ValueError("pow() with a modulus is not available in diagram code")
    if (
        isinstance(base, int)
        and isinstance(exponent, int)
        and exponent > 0
        and abs(base) > 1
        and (base.bit_length() - 1) * exponent > MAX_INT_BITS
    ):
        raise ValueError(f"integers larger than {MAX_INT_BITS:,} bits are not allowed")
    return base**exponent


def _guarded_lshift(value: Any, shift: Any) -> Any:
    if (
        isinstance(value, int)
        and isinstance(shift, int)
        and value
        and shift > 0
        and value.bit_length() + shift > MAX_INT_BITS
    ):
        raise ValueError(f"integers larger than {MAX_INT_BITS:,} bits are not allowed")
    return value << shift


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    try:
        too_many = len(numbers) > MAX_ITEMS
    except OverflowError:
        too_many = True
    if too_many:
        raise ValueError(f"range() of more than {MAX_ITEMS:,} items is not allowed")
    return numbers


_INPLACE_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "+=": operator.iadd,
    "-=": operator.isub,
    "*=": _guarded_mul,
    "/=": operator.itruediv,
    "//=": operator.ifloordiv,
    "%=": operator.imod,
    "**=": _guarded_pow,
    "<<=": _guarded_lshift,
    ">>=": operator.irshift,
    "&=": operator.iand,
    "|=": operator.ior,
    "^=": operator.ixor,
    "@=": operator.imatmul,
}


def _bounded_decimal(number: Decimal) -> Decimal:
    if number.is_finite() and abs(number.adjusted()) > MAX_DECIMAL_EXPONENT:
        raise ValueError(f"decimals with exponents beyond ±{MAX_DECIMAL_EXPONENT:,} are not allowed")
    return number


class _DecimalType(type):
    """What diagram code knows as ``Decimal``: creates real Decimals, but within bounds.

    ``isinstance(x, Decimal)`` and ``Decimal.from_float`` work as usual. Arithmetic is bounded by the
    decimal context diagram code runs in (see ``DECIMAL_CONTEXT``); the constructor ignores that
    context, hence the check here.
    """

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, Decimal)

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, Decimal)

    def __call__(cls, value: Any = "0", context: decimal.Context | None = None) -> Decimal:
        return _bounded_decimal(Decimal(value, context))

    def __getattr__(cls, name: str) -> Any:
        return getattr(Decimal, name)


class _DiagramDecimal(metaclass=_DecimalType):
    pass


# Like decimal's default context, with exponents bounded (arithmetic beyond them raises Overflow).
DECIMAL_CONTEXT = decimal.Context(
    prec=28,
    Emax=MAX_DECIMAL_EXPONENT,
    Emin=-MAX_DECIMAL_EXPONENT,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def _inplacevar(op: str, target: Any, value: Any) -> Any:
    return _INPLACE_OPERATORS[op](target, value)


def _apply(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    return function(*args, **kwargs)


def _diagram_builtins() -> dict[str, Any]:
    names = dict(safe_builtins)
    # Classes are refused at compile time; the raw pow would compute 10**10**10 in one C call.
    del names["__build_class__"]
    names.update(
        len=len,
        min=min,
        max=max,
        sum=sum,
        sorted=sorted,
        any=any,
        all=all,
        abs=abs,
        round=round,
        str=str,
        int=int,
        float=float,
        bool=bool,
        list=list,
        dict=dict,
        set=set,
        tuple=tuple,
        enumerate=enumerate,
        zip=zip,
        isinstance=isinstance,
        range=_bounded_range,
        pow=_guarded_pow,
        datetime=datetime,
        date=date,
        timedelta=timedelta,
        timezone=timezone,
        Decimal=_DiagramDecimal,
    )
    return names


_BUILTINS = _diagram_builtins()
# The names diagram code may use that are not the instance's variables.
DIAGRAM_NAMES = frozenset(_BUILTINS) | {JUEL_RUNTIME}  # no variable: translated JUEL's operators

# What restricted code needs besides its builtins; all names start with "_", so task data cannot
# clash with them and diagram code cannot name them.
GUARDS: dict[str, Any] = {
    "__builtins__": _BUILTINS,
    "_getattr_": safer_getattr,
    "_getitem_": operator.getitem,
    "_getiter_": iter,
    "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
    "_unpack_sequence_": guarded_unpack_sequence,
    "_write_": full_write_guard,
    "_inplacevar_": _inplacevar,
    "_apply_": _apply,
    "_print_": PrintCollector,  # print() works, its output goes nowhere
    "_mul_": _guarded_mul,
    "_pow_": _guarded_pow,
    "_lshift_": _guarded_lshift,
    JUEL_RUNTIME: JUEL,  # JUEL's operators, for the Python that JUEL is translated to
}
