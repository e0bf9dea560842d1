"""The engine's answers in Camunda 7's JSON shapes (its DTOs), with what the engine does not have — tenants,
cases, suspension, assignees — as Camunda shows it absent."""

from __future__ import annotations

from flask import url_for

from engine import DefinitionView, InstanceStatus, InstanceView, TaskView

from .variables import format_date, typed_variables

ENDED = (InstanceStatus.COMPLETED, InstanceStatus.CANCELLED)
# Camunda's runtime API sees the instances that have not ended; one stopped by an incident has not.
RUNTIME = (InstanceStatus.RUNNING, InstanceStatus.ERROR)


def definition_id(process_key: str, version: int) -> str:
    """A process definition's id: its key and version (a process key is an XML id, so it has no colon)."""
    return f"{process_key}:{version}"


def parse_definition_id(text: str) -> tuple[str, int] | None:
    key, _, version = text.rpartition(":")
    # at most nine digits: a version past a database's integers is no version, not an overflow
    return (
        (key, int(version)) if key and version.isascii() and version.isdigit() and len(version) <= 9 else None
    )


def definition(view: DefinitionView) -> dict:
    return {
        "id": definition_id(view.process_key, view.version),
        "key": view.process_key,
        "category": None,
        "description": view.documentation or None,
        "name": view.name,
        "version": view.version,
        "resource": view.main_file,
        "deploymentId": None,
        "diagram": None,
        "suspended": False,
        "tenantId": None,
        "versionTag": None,
        "historyTimeToLive": None,
        "startableInTasklist": True,
    }


def instance(view: InstanceView, *, with_variables: bool = False) -> dict:
    shape = {
        "links": [
            {
                "method": "GET",
                "href": url_for("engine-rest.instance", instance_id=view.id, _external=True),
                "rel": "self",
            }
        ],
        "id": view.id,
        "definitionId": definition_id(view.process_key, view.definition_version),
        "businessKey": view.business_key,
        "caseInstanceId": None,
        "ended": view.status in ENDED,
        "suspended": False,
        "tenantId": None,
    }
    if with_variables:
        shape["variables"] = typed_variables(view.variables)
    return shape


def task(view: TaskView) -> dict:
    return {
        "id": view.id,
        "name": view.name,
        "assignee": None,
        "owner": None,
        "created": format_date(view.ready_since),
        "lastUpdated": None,
        "due": None,
        "followUp": None,
        "delegationState": None,
        "description": view.documentation or None,
        "executionId": view.instance_id,
        "parentTaskId": None,
        "priority": 50,
        "processDefinitionId": definition_id(view.process_key, view.definition_version),
        "processInstanceId": view.instance_id,
        "taskDefinitionKey": view.element_id,
        "caseExecutionId": None,
        "caseInstanceId": None,
        "caseDefinitionId": None,
        "suspended": False,
        "formKey": view.form_key,
        "camundaFormRef": None,
        "tenantId": None,
    }
