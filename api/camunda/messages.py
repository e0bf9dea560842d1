"""``POST /message``: correlate a message to the one instance waiting for it, by business key, instance id,
correlation keys (variables the instance holds; local ones too) and the payload property its contract
correlates by, its process variables checked against the message's contract and merged into the instance."""

from __future__ import annotations

from flask import g, jsonify

from engine import Conflict, InvalidData, NotFound

from ..auth import OPERATE, reader, requires
from . import shapes
from .blueprint import blp, engine
from .errors import INVALID_REQUEST, REST, CamundaError, refused_data
from .requests import TAKEN, body, flag, key_in, variables
from .variables import typed_variables

_CORRELATE = {
    "messageName": TAKEN,
    "businessKey": TAKEN,
    "processInstanceId": TAKEN,
    "correlationKeys": TAKEN,
    "processVariables": TAKEN,
    "resultEnabled": TAKEN,
    "variablesInResultEnabled": TAKEN,
    "all": False,  # one message reaches one instance
    # An instance's variables are one scope here (a task's input parameters aside): a local key is
    # matched against the same variables as a process-wide one.
    "localCorrelationKeys": TAKEN,
    "processVariablesLocal": {},
    "tenantId": None,
    "withoutTenantId": TAKEN,  # no instance has a tenant
}


@blp.post("/message")
@requires(OPERATE)
def correlate():
    data = body(_CORRELATE)
    if data.get("messageName") is None:
        raise CamundaError(400, INVALID_REQUEST, "No message name set")
    name, business_key, instance_id = (
        key_in(data, k) for k in ("messageName", "businessKey", "processInstanceId")
    )
    results, with_variables = flag(data, "resultEnabled"), flag(data, "variablesInResultEnabled")
    keys, payload = variables(data, "correlationKeys"), variables(data, "processVariables")
    for local, value in variables(data, "localCorrelationKeys").items():
        if local in keys and keys[local] != value:
            raise CamundaError(
                400, INVALID_REQUEST, f"correlationKeys and localCorrelationKeys differ on {local}"
            )
        keys[local] = value
    try:
        view = engine().deliver_message(
            name,
            actor=g.caller.actor,
            party=g.caller.scope,
            business_key=business_key,
            instance_id=instance_id,
            correlation_keys=keys,
            payload=payload,
            reader=reader() if results and with_variables else None,  # an answer with variables is a read
        )
    except (NotFound, Conflict) as error:
        # Camunda refuses a message that matches no waiting instance, or several, with 400
        raise CamundaError(400, REST, f"Cannot correlate message '{name}': {error.detail}") from None
    except InvalidData as error:
        if any(e.field == "/business_key" for e in error.errors):  # nothing said which instance
            message = (
                f"Cannot correlate message '{name}': give businessKey, processInstanceId or correlationKeys, "
                "or in processVariables the property the message's contract correlates by"
            )
            raise CamundaError(400, REST, message) from None
        raise refused_data(error, ("/payload", "/processVariables")) from None
    if not results:
        return "", 204
    result = {
        "resultType": "Execution",
        "execution": {
            "id": view.id,
            "processInstanceId": view.id,
            "ended": view.status in shapes.ENDED,
            "tenantId": None,
        },
        "processInstance": None,
    }
    if with_variables:
        result["variables"] = typed_variables(view.variables)
    return jsonify([result])
