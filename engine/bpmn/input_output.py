"""Camunda's input and output parameters (``camunda:inputOutput``), as Camunda runs them.

Before an activity runs, each input parameter becomes a variable of the activity alone: its value is
computed from the variables around it, and a variable of that name outside is hidden meanwhile. When the
activity completes, each output parameter is computed from the activity's variables (its inputs
included), the inputs are dropped (what they hid is back), and the outputs are set where the activity
stands. A value is a constant text, ``${…}`` (JUEL, as ``dialects`` translates it), a ``camunda:list``,
a ``camunda:map`` or a ``camunda:script`` in Python; no text at all is null.

The parameters are read into the task spec's ``extensions`` (which SpiffWorkflow stores with the spec) as
Python expressions, so an instance runs them as they were when it started.
"""

from __future__ import annotations

from lxml import etree
from SpiffWorkflow.bpmn.specs.bpmn_task_spec import BpmnTaskSpec

from ..vocabulary import CAMUNDA_NS
from .dialects import PYTHON_LANGUAGES, DialectRefused, value_python
from .juel import is_juel

EXTENSION = "camunda:inputOutput"  # the key in a task spec's extensions
_HIDDEN = "input_parameters_hid"  # the task's internal data: what its inputs hid, and that they are set


def _camunda(name: str) -> str:
    return f"{{{CAMUNDA_NS}}}{name}"


def parameters_of(node: etree._Element) -> dict[str, list[list[str]]] | None:
    """The input and output parameters of the element ``node`` as [name, Python expression] pairs, or None
    when it has none; DialectRefused names what can not run."""
    found = node.find(f"{{*}}extensionElements/{_camunda('inputOutput')}")
    if found is None:
        return None
    parameters: dict[str, list[list[str]]] = {"inputs": [], "outputs": []}
    for kind, tag in (("inputs", "inputParameter"), ("outputs", "outputParameter")):
        for parameter in found.iterchildren(_camunda(tag)):
            name = (parameter.get("name") or "").strip()
            if not name.isidentifier() or name.startswith("_"):
                raise DialectRefused(
                    f'the {tag} "{name}" can not be a variable: name it with letters, digits and "_"'
                )
            parameters[kind].append([name, _value(parameter, f'the {tag} "{name}"')])
    return parameters


def _value(element: etree._Element, what: str) -> str:
    children = list(element.iterchildren(etree.Element))
    if not children:
        text = element.text or ""
        if not text.strip():
            return "None"
        try:
            return value_python(text) if is_juel(text) else repr(text)
        except DialectRefused as refused:
            raise DialectRefused(f"{what}: {refused}") from None
    if len(children) > 1:
        raise DialectRefused(f"{what} holds more than one value: put them in a camunda:list")
    return _structured(children[0], what)


def _structured(element: etree._Element, what: str) -> str:
    name = etree.QName(element).localname
    if etree.QName(element).namespace != CAMUNDA_NS:
        raise DialectRefused(f"{what}: {etree.QName(element).text} is not a value the engine reads")
    if name == "list":
        return "[" + ", ".join(_value(item, what) for item in element.iterchildren(etree.Element)) + "]"
    if name == "map":
        entries = [
            f"{(entry.get('key') or '')!r}: {_value(entry, what)}"
            for entry in element.iterchildren(_camunda("entry"))
        ]
        return "{" + ", ".join(entries) + "}"
    if name == "value":
        return _value(element, what)
    if name == "script":
        script_format = (element.get("scriptFormat") or "").strip()
        if element.get("resource") is not None:
            raise DialectRefused(f"{what}: an external script (resource) is not supported: write it here")
        if script_format.lower() not in PYTHON_LANGUAGES:
            raise DialectRefused(
                f'{what}: a script in "{script_format}" is not supported: write a Python expression '
                'and set its script format to "python"'
            )
        return f"({(element.text or '').strip()})"
    raise DialectRefused(f"{what}: camunda:{name} is not a value the engine reads")


# ---- running them ---------------------------------------------------------------------------------------

_MISSING = object()


def _parameters(spec) -> dict | None:
    extensions = getattr(spec, "extensions", None)
    return extensions.get(EXTENSION) if isinstance(extensions, dict) else None


def _set_inputs(my_task, parameters: dict) -> None:
    if my_task._get_internal_data(_HIDDEN) is not None:
        return  # set when the activity first came up
    evaluate = my_task.workflow.script_engine.evaluate
    values = {name: evaluate(my_task, expression) for name, expression in parameters["inputs"]}
    hidden = {"values": {}, "absent": []}
    for name in values:
        if name in my_task.data:
            hidden["values"][name] = my_task.data[name]
        else:
            hidden["absent"].append(name)
    my_task.data.update(values)
    my_task._set_internal_data(**{_HIDDEN: hidden})


def set_local_variables(my_task, values: dict) -> None:
    """Variables of the activity alone, as a worker's ``localVariables``: its output parameters read them,
    and when it completes they are dropped and what they hid is back, as for an input parameter."""
    hidden = my_task._get_internal_data(_HIDDEN) or {"values": {}, "absent": []}
    for name in values:
        if name in hidden["values"] or name in hidden["absent"]:
            continue  # already the activity's own: what it hid stays hidden
        if name in my_task.data:
            hidden["values"][name] = my_task.data[name]
        else:
            hidden["absent"].append(name)
    my_task.data.update(values)
    my_task._set_internal_data(**{_HIDDEN: hidden})


def _map_outputs(my_task, parameters: dict | None) -> None:
    evaluate = my_task.workflow.script_engine.evaluate
    outputs = parameters["outputs"] if parameters is not None else []
    values = {name: evaluate(my_task, expression) for name, expression in outputs}
    hidden = my_task._get_internal_data(_HIDDEN) or {"values": {}, "absent": []}
    for name in hidden["absent"]:
        my_task.data.pop(name, None)
    my_task.data.update(hidden["values"])
    my_task.data.update(values)


_update_hook = BpmnTaskSpec._update_hook
_on_complete_hook = BpmnTaskSpec._on_complete_hook


def _update_with_inputs(self, my_task):
    # After SpiffWorkflow's hook, which merges the data of the task before into this one (and would put
    # back what an input hides); a sub process calls this before it hands its data to its contents.
    ready = _update_hook(self, my_task)
    parameters = _parameters(self)
    if parameters is not None:
        _set_inputs(my_task, parameters)
    return ready


def _complete_with_outputs(self, my_task):
    parameters = _parameters(self)
    # an activity with local variables but no parameters still drops them
    if parameters is not None or my_task._get_internal_data(_HIDDEN) is not None:
        _map_outputs(my_task, parameters)
    return _on_complete_hook(self, my_task)


def install() -> None:
    """Every BPMN task spec maps its parameters (one without any is unchanged). Idempotent."""
    BpmnTaskSpec._update_hook = _update_with_inputs
    BpmnTaskSpec._on_complete_hook = _complete_with_outputs
