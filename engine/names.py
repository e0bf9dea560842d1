"""Element names and forms in the language a reader asks for.

What the use cases answer carries the names the diagram gives (Finnish: the catalogue's language). A reader
may ask for English or Swedish instead: each name is then the element's ``name_en`` / ``name_sv`` where the
diagram gives one, else the diagram's own name, and the answer says which languages its names are in. The
forms an answer shows (a task's, a start form, message contracts) are worded the same way (``form_words``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from .bpmn.names import Translations, translations
from .form_words import FormWordCache
from .parties import lane_name
from .results import (
    DefinitionElements,
    DefinitionView,
    InstanceView,
    Page,
    StartPageForm,
    TaskView,
    TimerView,
)

DIAGRAM_LANGUAGE = "fi"
NAME_LANGUAGES = (DIAGRAM_LANGUAGE, "en", "sv")  # the first is the default


class NameCache:
    """The translations of each definition version; versions never change, so they are kept for good."""

    def __init__(self):
        self._kept: dict[tuple[str, int], Translations] = {}

    def of(
        self, process_key: str, version: int | None, sources: Callable[[str, int], Mapping[str, str]]
    ) -> Translations:
        """The translations of a version, read from its deployed files (``sources``) the first time."""
        if version is None:
            return Translations()
        kept = self._kept.get((process_key, version))
        if kept is None:
            kept = translations(sources(process_key, version))
            self._kept[(process_key, version)] = kept
        return kept


class Naming:
    """Renames what one answer shows into ``language``, and notes the languages its names end up in."""

    def __init__(self, language: str, lookup, forms: FormWordCache | None = None):
        if language not in NAME_LANGUAGES:
            raise ValueError(f"names are given in {', '.join(NAME_LANGUAGES)}, not in {language!r}")
        self.language = language
        self._lookup = lookup  # (process key, version) -> Translations
        self._forms = forms if forms is not None else FormWordCache(DIAGRAM_LANGUAGE)
        self.used: set[str] = set()  # the languages the names and form words shown are in

    def form(self, schema, process_key: str, version: int | None, *where: str):
        """A form of a definition version in the language; ``where`` names it within the version."""
        worded, languages = self._forms.of(
            None if version is None else (process_key, version, *where), schema, self.language
        )
        self.used |= languages
        return worded

    def name(self, names: dict[str, str], diagram_name: str) -> str:
        if self.language != DIAGRAM_LANGUAGE and self.language in names:
            self.used.add(self.language)
            return names[self.language]
        self.used.add(DIAGRAM_LANGUAGE)
        return diagram_name

    def result(self, result):
        """``result`` with its element names in the language; what carries no names comes back as it was."""
        if isinstance(result, Page):
            return replace(result, items=[self.result(item) for item in result.items])
        if isinstance(result, list):
            return [self.result(item) for item in result]
        if isinstance(result, TaskView):
            return self._task(result, result.process_key, result.definition_version)
        if isinstance(result, InstanceView):
            return self._instance(result)
        if isinstance(result, StartPageForm):
            key, version = result.process_key, result.version
            return StartPageForm(self.form(dict(result), key, version, "start page"), key, version)
        if isinstance(result, DefinitionElements):
            names = self._lookup(result.process_key, result.version)
            return replace(
                result,
                elements=[
                    replace(e, name=self.name(names.of_element(e.element_id, e.diagram_name), e.diagram_name))
                    for e in result.elements
                ],
            )
        if isinstance(result, DefinitionView):
            key, version = result.process_key, result.version
            names = self._lookup(key, version).of_element(key, result.name)
            return replace(
                result,
                name=self.name(names, result.name),
                start_form=self.form(result.start_form, key, version, "start"),
                messages=[
                    replace(m, schema=self.form(m.schema, key, version, "message", m.name))
                    for m in result.messages
                ],
            )
        return result

    def _lane(self, names, lane: str | None) -> str | None:
        """A lane as a person reads it: its name (a lane played for a called process: the lane's name)."""
        if lane is None:
            return None
        return self.name(names.of_lane(lane_name(lane)), lane_name(lane))

    def _task(self, task: TaskView, process_key: str, version: int | None) -> TaskView:
        names = self._lookup(process_key, version)
        return replace(
            task,
            name=self.name(names.of_element(task.element_id, task.name), task.name),
            lane=self._lane(names, task.lane),
            form=self.form(task.form, process_key, version, "form", task.form_key or task.element_id),
        )

    def _instance(self, instance: InstanceView) -> InstanceView:
        key, version = instance.process_key, instance.definition_version
        names = self._lookup(key, version)
        return replace(
            instance,
            ready_tasks=[self._task(t, key, version) for t in instance.ready_tasks],
            pending_timers=[
                TimerView(t.element_id, self.name(names.of_element(t.element_id, t.name), t.name), t.due_at)
                for t in instance.pending_timers
            ],
            waiting_messages=[
                replace(m, schema=self.form(m.schema, key, version, "message", m.name))
                for m in instance.waiting_messages
            ],
        )
