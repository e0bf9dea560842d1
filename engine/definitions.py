"""Deploying the catalogue and reading what is deployed: a process whose content changed gets a new
version; versions never change once stored, so a loaded one is cached for good."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from types import SimpleNamespace

from lxml import etree
from sqlalchemy.exc import IntegrityError

from . import catalogue, parties
from .audit import audit_row
from .bpmn import LoadedDefinition, Serializer, declare_contents
from .bpmn.names import named_elements
from .catalogue.messages import FOLDER as MESSAGE_FOLDER
from .catalogue.messages import contract_of
from .catalogue.safe_xml import parse_xml
from .clock import now
from .context import Context
from .lane_changes import StoredDiagrams, lane_changes
from .problems import Conflict, NotFound, Problem
from .results import DefinitionElements, DefinitionView, DeployResult, ElementView, definition_view
from .store.queries import Store
from .vocabulary import AuditKind, Refusal


class DefinitionCache:
    def __init__(self, serializer: Serializer):
        self._serializer = serializer
        self._loaded: dict[int, LoadedDefinition] = {}
        # (file, text) -> the party entries of its lanes: a called process's file travels with every caller
        self._lane_rules: dict[tuple[str, str], dict[str, str]] = {}

    def loaded(self, store: Store, definition_id: int) -> LoadedDefinition:
        loaded = self._loaded.get(definition_id)
        if loaded is None:
            row = store.definition(definition_id)
            spec, subprocess_specs = self._serializer.load_spec(row.spec)
            declare_contents((spec, *subprocess_specs.values()), partial(_declared, row.forms))
            loaded = LoadedDefinition(
                row.id, row.version, spec, subprocess_specs, row.forms, self._lanes(row.sources)
            )
            self._loaded[definition_id] = loaded
        return loaded

    def learn_lanes(self, sources: Mapping[str, str], roots: Mapping[str, etree._Element]) -> None:
        """The lanes of diagrams just deployed, from the roots the catalogue parsed (``sources`` are their
        texts): the versions that carry them load without parsing a file again."""
        for file, root in roots.items():
            if file.endswith(".bpmn") and file in sources:
                self._lane_rules.setdefault((file, sources[file]), parties.lane_rules(root))

    def _lanes(self, sources: Mapping[str, str]) -> dict[str, str]:
        """Lane name -> its ``party`` entry, over the diagrams of a version (called ones included)."""
        rules = {}
        for file, text in sources.items():
            if file.endswith(".bpmn"):
                if (file, text) not in self._lane_rules:
                    root = parse_xml(text.encode(), file).getroot()  # deployed before this process began
                    self._lane_rules[(file, text)] = parties.lane_rules(root)
                rules.update(self._lane_rules[(file, text)])
        return rules


def _declared(forms: Mapping[str, dict], message_name: str) -> frozenset | None:
    """The properties the contract of ``message_name`` declares; None when the version has no contract."""
    contract = contract_of(forms, message_name)
    return None if contract is None else frozenset(contract[0].get("properties", {}))


def deploy(
    context: Context,
    files: Mapping[str, bytes],
    actor: str,
    *,
    empty_is_valid: bool = False,
    forms_from_catalogue: bool = False,
) -> DeployResult:
    """Check and store the processes in ``files``; a process whose content changed gets a new version.
    No files at all deploy nothing when ``empty_is_valid`` (an empty catalogue folder), else are refused.
    With ``forms_from_catalogue`` a form or message contract the upload lacks is taken as deployed (an
    analyst who changed one diagram uploads that diagram, not every form it names)."""
    if forms_from_catalogue:
        files = {**deployed_forms(context), **files}
    definitions = catalogue.build(files, context.serializer, empty_is_valid=empty_is_valid)
    deployed, unchanged = [], []
    with context.new_unit() as unit:
        stored = {row.process_key: row for row in unit.store.latest_definitions()}
        retired = unit.store.retirements()
        for key, definition in sorted(definitions.items()):
            latest = stored.get(key)
            if latest is not None and latest.content_hash == definition.content_hash:
                unchanged.append(definition_view(latest))
                continue
            values = {
                "process_key": key,
                "version": (latest.version + 1) if latest else 1,
                "name": definition.name,
                "documentation": definition.documentation,
                "content_hash": definition.content_hash,
                "spec": definition.spec,
                "sources": definition.sources,
                "main_file": definition.main_file,
                "forms": definition.forms,
                "start_message": definition.start_message,
                "deployed_at": now(),
                "deployed_by": actor,
            }
            unit.store.add_definition(values)
            unit.store.add_audit(
                [
                    audit_row(
                        actor,
                        AuditKind.DEFINITION_DEPLOYED,
                        values["deployed_at"],
                        data={"process_key": key, "version": values["version"]},
                    )
                ]
            )
            resolve_on_new_version(unit.store, key, values["version"], actor, values["deployed_at"])
            deployed.append(values)
        try:
            unit.commit()
        except IntegrityError:
            raise Conflict(
                "another deployment of the same process was stored at the same time; retry",
                Refusal.DEPLOYED_MEANWHILE,
            ) from None
    for values in deployed:
        context.definitions.learn_lanes(values["sources"], definitions.roots)
    # what was stored is what was written: no need to read it back
    views = [
        definition_view(SimpleNamespace(**values), retired.get(values["process_key"])) for values in deployed
    ]
    said = [
        *_renames(definitions, stored, retired, files),
        *_callers_left_behind(definitions, deployed, stored),
        *_lanes_changed(definitions.roots, deployed, stored),
    ]
    warnings = sorted([*definitions.warnings, *said], key=lambda p: (p.file, p.line or 0, p.message))
    return DeployResult(views, unchanged, warnings)


def resolve_on_new_version(store: Store, process_key: str, version: int, actor: str, moment) -> None:
    """A new version of ``process_key`` is deployed: the faults starts met on its earlier versions are taken
    as corrected (a start runs the new version from now on), their incidents resolved, audited as the
    deployer's."""
    for incident in store.open_start_incidents_before(process_key, version):
        store.resolve_incident(incident.id, moment, actor)
        data = {
            "incident": incident.id,
            "by": "new_version",
            "process_key": process_key,
            "version": incident.definition_version,
            "new_version": version,
        }
        store.add_audit([audit_row(actor, AuditKind.INCIDENT_RESOLVED, moment, data=data)])


RENAMED, OLD_CALLEE = "process-renamed", "caller-keeps-old-callee"


def _renames(definitions, stored, retired, files) -> list[Problem]:
    """A key that left a file while a new key came into it (or one with the same name) is, most likely, the
    process renamed in the modeler: the old key would stay startable beside the new one."""
    said = []
    gone = [
        row
        for key, row in stored.items()
        if key not in definitions and key not in retired and row.main_file in files
    ]
    for key, definition in sorted(definitions.items()):
        if key in stored:
            continue
        for old in gone:
            if old.main_file == definition.main_file or (old.name and old.name == definition.name):
                said.append(
                    Problem.warning(
                        definition.main_file,
                        None,
                        key,
                        RENAMED,
                        f'process "{key}" replaces "{old.process_key}" of {old.main_file} (was its id '
                        f'renamed?): "{old.process_key}" stays deployed and startable; retire it with '
                        f"`kanta-onboarding retire {old.process_key}` so that its running instances finish "
                        "and no new one starts",
                    )
                )
    return said


def _lanes_changed(roots, deployed, stored) -> list[Problem]:
    """Tasks whose lane's party changed since the version before, compared on the diagrams the catalogue
    parsed (``roots``) and the stored ones, each parsed once; a diagram a caller carries is said once."""
    said, before = {}, StoredDiagrams()
    for values in deployed:
        if values["version"] > 1:
            new_roots = {file: roots[file] for file in values["sources"] if file.endswith(".bpmn")}
            old_roots = before.roots(stored[values["process_key"]].sources)
            for problem in lane_changes(new_roots, old_roots):
                said.setdefault((problem.file, problem.element_id), problem)
    return list(said.values())


def _callers_left_behind(definitions, deployed, stored) -> list[Problem]:
    """A process deployed without the processes that call it: they keep calling the version they were
    deployed with (a caller carries its callees), until their own file is deployed again."""
    said = []
    for values in deployed:
        callers = sorted(
            row.process_key
            for key, row in stored.items()
            if key not in definitions and values["main_file"] in row.sources
        )
        if callers:
            said.append(
                Problem.warning(
                    values["main_file"],
                    None,
                    values["process_key"],
                    OLD_CALLEE,
                    f'{", ".join(callers)} call "{values["process_key"]}" and go on calling the version they '
                    "were deployed with: deploy their files with this one for them to call the new version",
                )
            )
    return said


def retire(context: Context, key: str, *, actor: str, reason: str = "") -> DefinitionView:
    """Process ``key`` starts no new instance (by a request or a message) from now on; its running
    instances finish on their versions. Audited with ``actor``."""
    with context.new_unit() as unit:
        row = definition_row(unit.store, key, None)
        already = unit.store.retirement(key)
        if already is not None:
            when = already.retired_at.isoformat()
            raise Conflict(
                f'process "{key}" was retired at {when} by {already.retired_by}',
                Refusal.ALREADY_RETIRED,
                {"process_key": key, "retired_at": when, "retired_by": already.retired_by},
            )
        moment = now()
        unit.store.retire(key, moment, actor, reason)
        data = {"process_key": key, "reason": reason}
        unit.store.add_audit([audit_row(actor, AuditKind.PROCESS_RETIRED, moment, data=data)])
        try:
            unit.commit()
        except IntegrityError:
            raise Conflict(
                f'process "{key}" was retired at the same time by another request',
                Refusal.RETIRED_MEANWHILE,
                {"process_key": key},
            ) from None
        return definition_view(row, unit.store.retirement(key))


def reinstate(context: Context, key: str, *, actor: str) -> DefinitionView:
    """Process ``key`` starts new instances again. Audited with ``actor``."""
    with context.new_unit() as unit:
        row = definition_row(unit.store, key, None)
        if unit.store.retirement(key) is None:
            raise Conflict(f'process "{key}" is not retired', Refusal.NOT_RETIRED, {"process_key": key})
        unit.store.reinstate(key)
        moment = now()
        data = {"process_key": key}
        unit.store.add_audit([audit_row(actor, AuditKind.PROCESS_REINSTATED, moment, data=data)])
        unit.commit()
        return definition_view(row)


def refuse_if_retired(store: Store, key: str) -> None:
    """A start of process ``key`` by a request is refused once the key is retired; a message starts no
    retired process either (``message_flow.started_by``), both by ``Store.retirement``."""
    retirement = store.retirement(key)
    if retirement is not None:
        when = retirement.retired_at.isoformat()
        why = f" ({retirement.reason})" if retirement.reason else ""
        raise Conflict(
            f'process "{key}" was retired at {when} by {retirement.retired_by}{why}: it starts no new '
            "instance; its running instances finish",
            Refusal.PROCESS_RETIRED,
            {
                "process_key": key,
                "retired_at": when,
                "retired_by": retirement.retired_by,
                "why": retirement.reason,
            },
        )


def deployed_forms(context: Context) -> dict[str, bytes]:
    """The forms and message contracts of the latest version of every process, as files of an upload; the
    most recently deployed wins where two processes hold different texts of one form."""
    with context.new_unit() as unit:
        rows = sorted(unit.store.latest_definitions(), key=lambda row: row.deployed_at)
    found = {}
    for row in rows:
        for key, schema in row.forms.items():
            if key.startswith(("forms/", f"{MESSAGE_FOLDER}/")) and key.endswith(".json"):
                found[key] = json.dumps(schema).encode()
    return found


def definition_row(store: Store, key: str, version: int | None):
    row = store.definition_version(key, version)
    if row is None:
        raise not_deployed(key, version)
    return row


def latest_definition_head(store: Store, key: str):
    """The latest version of process ``key`` without its spec, files and forms (load them by its id)."""
    row = store.latest_definition_head(key)
    if row is None:
        raise not_deployed(key)
    return row


def not_deployed(key: str, version: int | None = None) -> NotFound:
    """The refusal of a request that names a process, or a version of one, that is not deployed."""
    if version is None:
        return NotFound(f'no process "{key}" is deployed', Refusal.NO_PROCESS, {"process_key": key})
    return NotFound(
        f'no version {version} of process "{key}" is deployed',
        Refusal.NO_VERSION,
        {"process_key": key, "version": version},
    )


def list_latest(context: Context) -> list[DefinitionView]:
    with context.new_unit() as unit:
        retired = unit.store.retirements()
        return [definition_view(r, retired.get(r.process_key)) for r in unit.store.latest_definitions()]


def get(context: Context, key: str, version: int | None = None) -> DefinitionView:
    with context.new_unit() as unit:
        return definition_view(definition_row(unit.store, key, version), unit.store.retirement(key))


def versions(context: Context, key: str) -> list[DefinitionView]:
    with context.new_unit() as unit:
        rows = unit.store.definition_versions(key)
        if not rows:
            raise not_deployed(key)
        retirement = unit.store.retirement(key)
        return [definition_view(r, retirement) for r in rows]


def elements(context: Context, key: str, version: int | None = None) -> DefinitionElements:
    """The named elements of the process's diagram as deployed, named as the diagram names them."""
    with context.new_unit() as unit:
        row = definition_row(unit.store, key, version)
        text, version = row.sources[row.main_file], row.version
    found = [ElementView(id_, kind, name, name) for id_, kind, name in named_elements(text)]
    return DefinitionElements(key, version, found)


def source(context: Context, key: str, version: int | None = None) -> str:
    """The BPMN file of the process as it was deployed."""
    with context.new_unit() as unit:
        row = definition_row(unit.store, key, version)
        return row.sources[row.main_file]
