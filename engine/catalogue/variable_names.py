"""The variables a piece of diagram code reads and writes, read from its Python syntax tree.

Diagram code sees the instance's variables as plain names beside the sandbox's builtins, so a name that is
not a builtin and not bound inside the code itself is a variable it reads."""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass

from ..bpmn import DIAGRAM_NAMES


@dataclass(frozen=True)
class Reads:
    """The variables code reads: ``always`` on every run, ``guarded`` only when an earlier operand of an
    ``and``/``or``, or the test of an ``if … else``, lets the evaluation get there."""

    always: frozenset[str]
    guarded: frozenset[str]


@functools.lru_cache(maxsize=4096)
def expression_reads(expression: str) -> Reads:
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError:
        return Reads(frozenset(), frozenset())  # reported by the expression checks
    always, guarded = set(), set()
    _collect(tree.body, always, guarded, guarded_now=False)
    return Reads(frozenset(always - guarded), frozenset(guarded))


@dataclass(frozen=True)
class ScriptEffect:
    reads: frozenset[str]  # read before the script assigns them
    assigns: frozenset[str]  # assigned whatever path the script takes
    may_assign: frozenset[str]  # assigned on some paths only (inside an if, a loop, a try)


@functools.lru_cache(maxsize=1024)
def script_effect(script: str) -> ScriptEffect:
    try:
        tree = ast.parse(script)
    except SyntaxError:
        return ScriptEffect(frozenset(), frozenset(), frozenset())
    reads: set[str] = set()
    assigned: set[str] = set()
    may_assign: set[str] = set()
    for statement in tree.body:
        bound_here = _stored_names(statement)
        if isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.Expr):
            (assigned if not isinstance(statement, ast.Expr) else set()).update(bound_here)
        else:
            may_assign.update(bound_here)
        read = _loaded_names(statement)
        reads.update(read - assigned - may_assign - _locally_bound(statement))
    return ScriptEffect(
        frozenset(reads - DIAGRAM_NAMES), frozenset(assigned), frozenset(may_assign - assigned)
    )


def _collect(node: ast.AST, always: set[str], guarded: set[str], *, guarded_now: bool) -> None:
    """Sort the names an expression reads by whether every evaluation reaches them."""
    if isinstance(node, ast.BoolOp):
        first, *rest = node.values
        _collect(first, always, guarded, guarded_now=guarded_now)
        for value in rest:
            _collect(value, always, guarded, guarded_now=True)
        return
    if isinstance(node, ast.IfExp):
        _collect(node.test, always, guarded, guarded_now=guarded_now)
        _collect(node.body, always, guarded, guarded_now=True)
        _collect(node.orelse, always, guarded, guarded_now=True)
        return
    if isinstance(node, ast.Lambda | ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
        names = _loaded_names(node) - _locally_bound(node)
        (guarded if guarded_now else always).update(names - DIAGRAM_NAMES)
        return
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        if node.id not in DIAGRAM_NAMES:
            (guarded if guarded_now else always).add(node.id)
        return
    for child in ast.iter_child_nodes(node):
        _collect(child, always, guarded, guarded_now=guarded_now)


def _loaded_names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _stored_names(node: ast.AST) -> set[str]:
    names = {
        n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store | ast.Del)
    }
    names |= {n.name for n in ast.walk(node) if isinstance(n, ast.FunctionDef)}
    return names - _comprehension_targets(node)


def _comprehension_targets(node: ast.AST) -> set[str]:
    targets = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.comprehension):
            targets |= {n.id for n in ast.walk(inner.target) if isinstance(n, ast.Name)}
    return targets


def _locally_bound(node: ast.AST) -> set[str]:
    """Names bound inside ``node`` for its own use: comprehension targets, lambda and function arguments,
    loop targets and exception names."""
    bound = _comprehension_targets(node)
    for inner in ast.walk(node):
        if isinstance(inner, ast.Lambda | ast.FunctionDef):
            arguments = inner.args
            bound |= {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
            bound |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
        if isinstance(inner, ast.FunctionDef):
            bound |= _stored_names_shallow(inner)
        if isinstance(inner, ast.For | ast.comprehension):
            bound |= {n.id for n in ast.walk(inner.target) if isinstance(n, ast.Name)}
        if isinstance(inner, ast.ExceptHandler) and inner.name:
            bound.add(inner.name)
        if isinstance(inner, ast.NamedExpr):
            bound.add(inner.target.id)
    return bound


def _stored_names_shallow(function: ast.FunctionDef) -> set[str]:
    return {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
