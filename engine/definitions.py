"""Deploying the catalogue and reading what is deployed: a process whose content changed gets a new
version; versions never change once stored, so a loaded one is cached for good."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace

from sqlalchemy.exc import IntegrityError

from . import catalogue, parties
from .audit import audit_row
from .bpmn import LoadedDefinition, Serializer
from .clock import now
from .context import Context
from .problems import Conflict, NotFound
from .results import DefinitionView, DeployResult, definition_view
from .store.queries import Store
from .vocabulary import AuditKind


class DefinitionCache:
    def __init__(self, serializer: Serializer):
        self._serializer = serializer
        self._loaded: dict[int, LoadedDefinition] = {}

    def loaded(self, store: Store, definition_id: int) -> LoadedDefinition:
        loaded = self._loaded.get(definition_id)
        if loaded is None:
            row = store.definition(definition_id)
            spec, subprocess_specs = self._serializer.load_spec(row.spec)
            loaded = LoadedDefinition(
                row.id, row.version, spec, subprocess_specs, row.forms, parties.lane_rules(row.sources)
            )
            self._loaded[definition_id] = loaded
        return loaded


def deploy(
    context: Context, files: Mapping[str, bytes], actor: str, *, empty_is_valid: bool = False
) -> DeployResult:
    """Check and store the processes in ``files``; a process whose content changed gets a new version.
    No files at all deploy nothing when ``empty_is_valid`` (an empty catalogue folder), else are refused."""
    definitions = catalogue.build(files, context.serializer, empty_is_valid=empty_is_valid)
    deployed, unchanged = [], []
    with context.new_unit() as unit:
        for key, definition in sorted(definitions.items()):
            latest = unit.store.definition_version(key, None)
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
            deployed.append(values)
        try:
            unit.commit()
        except IntegrityError:
            raise Conflict(
                "another deployment of the same process was stored at the same time; retry"
            ) from None
    # what was stored is what was written: no need to read it back
    views = [definition_view(SimpleNamespace(**values)) for values in deployed]
    return DeployResult(views, unchanged, definitions.warnings)


def definition_row(store: Store, key: str, version: int | None):
    row = store.definition_version(key, version)
    if row is None:
        which = f'process "{key}"' if version is None else f'version {version} of process "{key}"'
        raise NotFound(f"no {which} is deployed")
    return row


def list_latest(context: Context) -> list[DefinitionView]:
    with context.new_unit() as unit:
        return [definition_view(r) for r in unit.store.latest_definitions()]


def get(context: Context, key: str, version: int | None = None) -> DefinitionView:
    with context.new_unit() as unit:
        return definition_view(definition_row(unit.store, key, version))


def versions(context: Context, key: str) -> list[DefinitionView]:
    with context.new_unit() as unit:
        rows = unit.store.definition_versions(key)
        if not rows:
            raise NotFound(f'no process "{key}" is deployed')
        return [definition_view(r) for r in rows]


def source(context: Context, key: str, version: int | None = None) -> str:
    """The BPMN file of the process as it was deployed."""
    with context.new_unit() as unit:
        row = definition_row(unit.store, key, version)
        return row.sources[row.main_file]
