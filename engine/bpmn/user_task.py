"""A user task keeps who it is for, as Camunda Modeler writes it: ``camunda:assignee``,
``camunda:candidateUsers`` and ``camunda:candidateGroups`` (comma-separated lists). Task lists show and
filter by them; the engine does not decide who may complete a task from them (the caller's role does), as
Camunda's own REST API leaves that to its authorization setup.

A task with ``camunda:formData`` and no ``camunda:formKey`` has the JSON Schema the catalogue makes of its
fields (``catalogue/form_data.py``), found under the key ``form_data_key`` names.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from SpiffWorkflow.camunda.parser.task_spec import UserTaskParser
from SpiffWorkflow.camunda.serializer.task_spec import UserTaskConverter
from SpiffWorkflow.camunda.specs.user_task import UserTask

from ..vocabulary import BPMN_NS, CAMUNDA_NS


@dataclass(frozen=True)
class Assignment:
    assignee: str | None = None
    candidate_users: list[str] = field(default_factory=list)
    candidate_groups: list[str] = field(default_factory=list)


def form_data_key(process_id: str, element_id: str) -> str:
    """Where the form made of an element's ``camunda:formData`` is kept among a definition's forms."""
    return f"formData/{process_id}/{element_id}"


def start_form_key(process_id: str) -> str:
    """Where the form of a process's start event is kept: the variables an instance starts with must
    satisfy it (an XML id never holds parentheses, so no task's key is the same)."""
    return f"formData/{process_id}/(start)"


def names_in(text: str | None) -> list[str]:
    """A comma-separated list as Camunda reads it: each name trimmed, empty ones dropped."""
    return [name.strip() for name in (text or "").split(",") if name.strip()]


class AssignedUserTask(UserTask):
    # The audit trail names the element's kind as before assignments were kept: a user task.
    kind = "UserTask"

    def __init__(self, wf_spec, bpmn_id, form, assignment=None, **kwargs):
        super().__init__(wf_spec, bpmn_id, form, **kwargs)
        self.assignment = assignment or Assignment()


class AssignedUserTaskParser(UserTaskParser):
    def create_task(self):
        form = self.get_form()
        has_form_data = self.node.find(f".//{{{CAMUNDA_NS}}}formData") is not None
        if not form.key and has_form_data:
            form.key = form_data_key(_process_id(self.node), self.bpmn_id)
        form.fields = []  # the fields live in the JSON Schema made of them, not in every spec
        node = self.node
        assignment = Assignment(
            assignee=(node.get(f"{{{CAMUNDA_NS}}}assignee") or "").strip() or None,
            candidate_users=names_in(node.get(f"{{{CAMUNDA_NS}}}candidateUsers")),
            candidate_groups=names_in(node.get(f"{{{CAMUNDA_NS}}}candidateGroups")),
        )
        return self.spec_class(
            self.spec, self.bpmn_id, form=form, assignment=assignment, **self.bpmn_attributes
        )


def _process_id(node) -> str:
    """The id of the process a task is drawn in, through its sub processes (SpiffWorkflow parses each
    embedded sub process as a process of its own)."""
    while node.getparent() is not None and node.tag != f"{{{BPMN_NS}}}process":
        node = node.getparent()
    return node.get("id")


class AssignedUserTaskConverter(UserTaskConverter):
    def to_dict(self, spec):
        dct = super().to_dict(spec)
        dct["assignment"] = asdict(spec.assignment)
        return dct

    def from_dict(self, dct):
        assignment = Assignment(**dct.pop("assignment", {}))
        spec = super().from_dict(dct)
        spec.assignment = assignment
        return spec


def assignment_of(task_spec) -> Assignment:
    """Who a human task is for; nobody in particular for a manual task or a version stored before."""
    return getattr(task_spec, "assignment", None) or Assignment()
