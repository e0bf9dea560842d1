"""One instance's workflow while a unit of work moves it on, told in the engine's words.

This is where the engine reads SpiffWorkflow's task tree: which human tasks are ready, what the instance
waits for (messages, timers), which elements a step completed and where the token came from, the
instance's variables and how it ended. Everything outside ``engine.bpmn`` sees only these answers.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from SpiffWorkflow.bpmn.specs.event_definitions import ErrorEventDefinition, MessageEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.multiple import MultipleEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.util import BpmnEvent
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.exceptions import WorkflowException
from SpiffWorkflow.util.task import TaskState

from ..decisions import TableFault
from ..limits import MAX_PATH_LENGTH, Limits
from ..parties import BUSINESS_KEY, called_lane
from ..problems import ConcurrentChange, Conflict, NotFound
from ..vocabulary import InstanceStatus, Refusal, json_safe
from .external_task import is_external, throw_error_at
from .input_output import set_local_variables
from .message_event import THROWN_BY, MessageEvent
from .serializer import Serializer
from .user_task import assignment_of


@dataclass(frozen=True, eq=False)
class LoadedDefinition:
    """A definition version as the engine runs it; versions never change, so it is cached for good (and
    what is worked out from it may be cached by the object: it is equal only to itself)."""

    id: int
    version: int
    spec: object
    subprocess_specs: dict
    forms: dict
    # lane name -> who plays it (its ``party`` property; see engine/parties.py); none: no lane is bound
    lanes: dict = field(default_factory=dict)

    def reminders(self) -> dict[str, tuple[str, str]]:
        """The reminders of the process and the processes it calls: each non-interrupting boundary timer's
        element id → (its name, the element id of the activity it is attached to)."""
        found = {}
        for spec in (self.spec, *self.subprocess_specs.values()):
            for task_spec in spec.task_specs.values():
                if getattr(task_spec, "cancel_activity", True):
                    continue
                if not any(
                    isinstance(d, TimerEventDefinition)
                    for d in _event_definitions(task_spec.event_definition)
                ):
                    continue
                # Spiff draws a boundary event as a split into the activity and its boundary events
                attached = [
                    out.bpmn_id
                    for split in task_spec.inputs
                    for out in split.outputs
                    if out is not task_spec and not hasattr(out, "cancel_activity")
                ]
                if attached and attached[0] is not None:
                    found[task_spec.bpmn_id] = (task_spec.bpmn_name or task_spec.bpmn_id, attached[0])
        return found

    def lane_of(self, element_id: str) -> str | None:
        """The lane the diagram draws ``element_id`` in (in the process or one it calls), if any."""
        for spec in (self.spec, *self.subprocess_specs.values()):
            for task_spec in spec.task_specs.values():
                if task_spec.bpmn_id == element_id:
                    return task_spec.lane
        return None


@dataclass(frozen=True)
class HumanTask:
    task_id: str
    element_id: str
    name: str
    lane: str | None
    form_key: str | None
    assignee: str | None = None
    candidate_users: list[str] = field(default_factory=list)
    candidate_groups: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ExternalWork:
    """A service task the instance waits at until a worker completes it."""

    task_id: str
    element_id: str
    name: str
    topic: str
    lane: str | None = None


@dataclass(frozen=True)
class MessageWait:
    task_id: str
    element_id: str
    message_name: str
    lane: str | None = None  # the lane the catching event is drawn in: whose message it is


@dataclass(frozen=True)
class ThrownMessage:
    """A message a send task, a message throw event or a message end event threw, with the variables of
    the element that threw it (the engine sends on what the message's contract declares of them)."""

    name: str
    element_id: str
    variables: dict


@dataclass(frozen=True)
class TimerWait:
    task_id: str
    element_id: str
    name: str
    due_at: datetime


@dataclass(frozen=True)
class ElementCompleted:
    task_id: str
    element_id: str
    name: str | None
    type: str
    process: str
    came_from: list[str]


@dataclass(frozen=True)
class Standing:
    """Which tasks of a workflow have completed, were cancelled, and which external tasks are ready: what
    a run compares the tree with after it moved, to tell what it did."""

    completed: frozenset
    cancelled: frozenset
    external_ready: frozenset

    @classmethod
    def of(cls, tasks) -> Standing:
        completed, cancelled, external = set(), set(), set()
        for task in tasks:
            if task.state == TaskState.COMPLETED:
                completed.add(task.id)
            elif task.state == TaskState.CANCELLED:
                cancelled.add(task.id)
            elif task.state == TaskState.READY and is_external(task.task_spec):
                external.add(str(task.id))
        return cls(frozenset(completed), frozenset(cancelled), frozenset(external))


class Run:
    """A workflow being moved on by one unit of work, and what happened while it moved."""

    def __init__(
        self,
        workflow: BpmnWorkflow,
        definition: LoadedDefinition,
        limits: Limits,
        standing: Standing | None = None,
    ):
        """``standing``: the workflow's standing as a run that moved it last found it (``standing_now``),
        which saves a walk of its tree; without it the tree is walked."""
        self.workflow = workflow
        self.definition = definition
        self.limits = limits
        self.failure: dict | None = None
        self.cancelled = False
        self.thrown: list[ThrownMessage] = []
        if standing is None:
            standing = Standing.of(
                workflow.get_tasks(state=TaskState.COMPLETED | TaskState.CANCELLED | TaskState.READY)
            )
        self._completed_before = standing.completed
        self._cancelled_before = standing.cancelled
        self.external_before = standing.external_ready
        self._waiting_before = set(workflow.event_manager.tasks)
        self._cycles_before = self._cycles_now()
        # whether it waited for messages, for timers, as restored: a kind of wait it had none of has no
        # stored rows to delete when its waits are written again
        self.waited_before = self._kinds_waited_for()

    @classmethod
    def start(cls, definition: LoadedDefinition, script_engine, variables: dict, limits: Limits) -> Run:
        workflow = BpmnWorkflow(definition.spec, definition.subprocess_specs, script_engine=script_engine)
        for start in workflow.get_tasks(state=TaskState.READY):
            start.set_data(**variables)
        return cls(workflow, definition, limits)

    @classmethod
    def restore(
        cls, definition: LoadedDefinition, state: str, serializer: Serializer, script_engine, limits: Limits
    ) -> Run:
        workflow = serializer.load_state(state, definition.spec, definition.subprocess_specs)
        # The script engine is not part of the stored state: without this the unrestricted default runs.
        workflow.script_engine = script_engine
        return cls(workflow, definition, limits)

    # ---- acting -----------------------------------------------------------------------------------

    def step(self) -> None:
        """Run every engine task that can run, within the limits; a failure is kept as the run's failure."""
        # what was read of the tree before (an action reads where the instance stands) is read again after
        self.__dict__.pop("_tasks_now", None)
        self.__dict__.pop("_completed", None)
        self.__dict__.pop("_join_arrivals", None)
        if self.cancelled:
            return
        steps = 0

        def within_limits(task) -> None:
            nonlocal steps
            steps += 1
            if steps > self.limits.engine_steps:
                raise LimitExceeded(
                    task,
                    f"more than {self.limits.engine_steps} steps in one go without waiting for a person, "
                    "a message or a timer: a loop that never waits?",
                )
            if task.depth >= MAX_PATH_LENGTH:
                raise LimitExceeded(
                    task,
                    f"the instance went more than {MAX_PATH_LENGTH} steps along one path, further than the "
                    "engine can follow: a loop that goes round too often?",
                )
            if self._task_count() > self.limits.tasks:
                raise LimitExceeded(task, f"the instance would have more than {self.limits.tasks} tasks")
            # A process that calls itself (directly or through another) nests a new subprocess per call;
            # SpiffWorkflow walks the whole chain for each, so the step limit alone comes far too late.
            if getattr(task.workflow, "depth", 0) > self.limits.call_depth:
                raise LimitExceeded(
                    self.workflow.get_task_from_id(task.workflow.parent_task_id),  # the call activity
                    f"call activities nested more than {self.limits.call_depth} deep: "
                    "does a process call itself?",
                )

        try:
            self.workflow.do_engine_steps(did_complete_task=within_limits)
        except Exception as error:  # any failure of diagram code must not escape as a crash
            self.failure = _failure(error)
        self._take_thrown_messages()

    def _take_thrown_messages(self) -> None:
        """The messages this run threw that nothing in the instance caught: they are for other instances,
        and the engine delivers them (SpiffWorkflow would keep them in the state, undelivered)."""
        kept = []
        for event in self.workflow.bpmn_events:
            payload = event.payload
            if isinstance(event.event_definition, MessageEventDefinition) and isinstance(payload, dict):
                variables = {k: v for k, v in payload.items() if k != THROWN_BY}
                self.thrown.append(
                    ThrownMessage(event.event_definition.name, payload.get(THROWN_BY), variables)
                )
            else:
                kept.append(event)
        self.workflow.bpmn_events = kept

    def _task_count(self) -> int:
        return len(self.workflow.tasks) + sum(len(s.tasks) for s in self.workflow.subprocesses.values())

    def dump(self, serializer: Serializer) -> str | None:
        """The state to store; None, with the run's failure set, when it can not be stored (a value no JSON
        holds, or a state over the size limit)."""
        self._hand_on_join_arrivals()
        try:
            state = serializer.dump_state(self.workflow)
        except Exception as error:  # SpiffWorkflow's serializer raises whatever the value's type does
            self.failure = {
                "element_id": self._element_holding_unstorable(serializer),
                "message": f"a variable holds a value that can not be stored ({error}): "
                "keep variables to text, numbers, booleans, lists and objects",
                "type": "UnstorableValue",
            }
            return None
        if len(state) > self.limits.state_bytes:
            self.failure = {
                "element_id": self._last_element(),
                "message": f"the instance's data would take {len(state):,} bytes, "
                f"over the limit of {self.limits.state_bytes:,}",
                "type": "LimitExceeded",
            }
            return None
        return state

    def _last_element(self) -> str | None:
        completed = self._newly_completed_tasks()
        return completed[-1].task_spec.bpmn_id if completed else None

    def _element_holding_unstorable(self, serializer: Serializer) -> str | None:
        """The first element this run completed whose data can not be stored (where it was set)."""
        for task in self._newly_completed_tasks():
            if not serializer.can_store(task.data):
                return task.task_spec.bpmn_id
        return self._last_element()

    def cancel(self) -> None:
        self.workflow.cancel()
        self.cancelled = True

    def human_task(self, task_id: str):
        """The ready (or not) human task ``task_id`` of this instance; NotFound if it has none such."""
        task = self.workflow.get_task_from_id(uuid.UUID(task_id))
        if task is None or not _is_human(task.task_spec):
            raise NotFound(
                f'no human task "{task_id}" in this instance',
                Refusal.NO_TASK_IN_INSTANCE,
                {"task_id": task_id},
            )
        return task

    def external_task(self, task_id: str):
        """The ready external task ``task_id`` of this instance; NotFound if it has none such,
        ConcurrentChange if it is no longer ready (its row said it was: another writer moved it meanwhile)."""
        task = self.workflow.get_task_from_id(uuid.UUID(task_id))
        if task is None or not is_external(task.task_spec):
            raise NotFound(
                f'no external task "{task_id}" in this instance',
                Refusal.NO_EXTERNAL_TASK,
                {"task_id": task_id},
            )
        if task.state != TaskState.READY:
            state = TaskState.get_name(task.state).lower()
            name = task.task_spec.bpmn_name or task_id
            raise ConcurrentChange(
                f'external task "{name}" is not ready: it is {state}',
                Refusal.EXTERNAL_TASK_NOT_READY,
                {"name": name, "state": state},
            )
        return task

    def complete_external(self, task_id: str, variables: dict, local_variables: dict | None = None) -> str:
        """Complete the external task with the worker's ``variables`` (and ``local_variables``, the task's
        own, as Camunda keeps them: output parameters could read them, and they are gone when it completes);
        answers its element id."""
        task = self.external_task(task_id)
        task.set_data(**variables)
        if local_variables:
            set_local_variables(task, local_variables)
        task.run()
        return task.task_spec.bpmn_id

    def throw_error(self, task_id: str, code: str, variables: dict) -> tuple[str, str | None]:
        """Throw the BPMN error ``code`` at the external task; answers the task's element id and that of the
        boundary event that caught it, or None when nothing catches it (then nothing changed)."""
        task = self.external_task(task_id)
        return task.task_spec.bpmn_id, throw_error_at(task, code, variables)

    def complete(self, task_id: str, data: dict, check_form) -> str:
        """Complete the human task with ``data`` after ``check_form(form_key, task_name)`` accepts it;
        answers the task's element id."""
        task = self.human_task(task_id)
        if task.state != TaskState.READY:
            state = TaskState.get_name(task.state).lower()
            name = task.task_spec.bpmn_name
            raise Conflict(
                f'task "{name}" is not ready: it is {state}',
                Refusal.TASK_NOT_READY,
                {"name": name, "state": state},
            )
        form_key = form_key_of(task.task_spec)
        if form_key:
            check_form(form_key, task.task_spec.bpmn_name)
        task.set_data(**data)
        task.run()
        return task.task_spec.bpmn_id

    def deliver(self, message_name: str, payload: dict) -> bool:
        """Deliver a message; False when the instance no longer waits for it. A correlation property's
        retrieval expression that fails on the payload is the run's failure, as diagram code's is."""
        try:
            self.workflow.send_event(BpmnEvent(MessageEvent(message_name), dict(payload)))
        except WorkflowException:
            return False
        except Exception as error:  # a correlation property's expression failed on the payload
            self.failure = _failure(error)
            self.failure["message"] = (
                f'the correlation properties of message "{message_name}" could not be read from its payload: '
                f"{self.failure['message']}"
            )
        return True

    def change_variables(self, values: dict, removed: list[str]) -> dict:
        """Set and remove variables where the instance stands (every task it waits at); answers the old
        values of the names changed (None for a name that was not set)."""
        frontier = [
            t for t in self._tasks_now if t.state & (TaskState.READY | TaskState.WAITING | TaskState.ERROR)
        ]
        before = self.variables()
        for task in frontier or [self.workflow.task_tree]:
            task.data.update(values)
            for name in removed:
                task.data.pop(name, None)
        return {name: before.get(name) for name in [*values, *removed]}

    def fire_due_timers(self) -> list[str]:
        """Fire the timers due by the clock in use; answers the element ids of those that fired."""
        waiting = [t for t in self.workflow.event_manager.tasks.values() if _timer_due(t) is not None]
        before = {t.id: _timer_standing(t) for t in waiting}
        self.workflow.refresh_timers()
        # A cycle that fires stays waiting for its next time: it fired when its count moved.
        return [t.task_spec.bpmn_id for t in waiting if _timer_standing(t) != before[t.id]]

    # ---- reading, once the workflow has moved --------------------------------------------------------

    @cached_property
    def _tasks_now(self) -> list:
        """Every task in tree order: one walk serves the audit, the variables and the projections."""
        return self.workflow.get_tasks()

    def standing_now(self) -> Standing:
        """The standing of the tree as this run leaves it, from the walk its answer already made: the next
        run on the same workflow (kept in memory) starts from it instead of walking the tree again. The
        tasks a walk for these states skips (under a task only predicted) are themselves only predicted."""
        return Standing.of(self._tasks_now)

    @cached_property
    def _completed(self) -> bool:
        """Whether the workflow has ended, as SpiffWorkflow's ``is_completed`` tells (no unfinished task in
        the top process's tree; the flag it keeps is set the same way), read from the walk the variables
        and the projections make anyway instead of a walk of its own."""
        workflow = self.workflow
        if not workflow.completed and not any(
            task.state & TaskState.NOT_FINISHED_MASK for task in self._tasks_now if task.workflow is workflow
        ):
            workflow.completed = True
        return workflow.completed

    def outcome(self) -> tuple[InstanceStatus, dict | None]:
        """The instance's status after this run, and its error if it ended in one."""
        if self.cancelled:
            return InstanceStatus.CANCELLED, None
        if self.failure is not None:
            return InstanceStatus.ERROR, self.failure
        error_end = next(
            (e for e in self.workflow.get_events() if isinstance(e.event_definition, ErrorEventDefinition)),
            None,
        )
        if error_end is not None:
            definition = error_end.event_definition
            code = definition.code or definition.name
            return InstanceStatus.ERROR, {
                "element_id": self._error_end_element(definition),
                "message": f'the process ended with error "{code}" that nothing caught',
                "type": "UncaughtError",
                "error_code": definition.code,
            }
        if self._completed:
            return InstanceStatus.COMPLETED, None
        return InstanceStatus.RUNNING, None

    def variables(self) -> dict:
        """The instance's variables as a person would see them: the data where the instance now stands."""
        if self._completed:
            return json_safe(self.workflow.data)
        merged = {}
        frontier = TaskState.READY | TaskState.WAITING | TaskState.ERROR
        for task in self._tasks_now:
            if task.state & frontier:
                merged.update(task.data)
        return json_safe(merged)

    def lane_key(self, task) -> str | None:
        """The lane a task is bound under: its lane's name, or, for a ``business-key`` lane of a process
        called on behalf of another party, that lane's key for the nearest such call (engine/parties.py)."""
        lane = getattr(task.task_spec, "lane", None)
        if lane is None or self.definition.lanes.get(lane) != BUSINESS_KEY:
            return lane
        call = _calling_on_behalf(task.workflow)
        if call is None:
            return lane
        return called_lane(lane, call.workflow.spec.name, _call_site(call))

    def called_parties(self) -> dict[str, str]:
        """Lane key -> party for every process called on behalf of a party: its ``business-key`` lanes are
        played by the party its call activity's In mappings handed it (engine/parties.py)."""
        lanes = [lane for lane, rule in self.definition.lanes.items() if rule == BUSINESS_KEY]
        played = {}
        if not lanes:
            return played
        for subworkflow in self.workflow.subprocesses.values():
            call = self.workflow.get_task_from_id(subworkflow.parent_task_id)
            field_name = getattr(call.task_spec, "callee_party", None) if call is not None else None
            if field_name is None:
                continue
            # the In mappings set the data of the called process's own start task (call_activity.py)
            start = next(
                (t for t in subworkflow.tasks.values() if t.task_spec is subworkflow.spec.start), None
            )
            party = start.data.get(field_name) if start is not None else None
            if isinstance(party, str) and party.strip():
                for lane in lanes:
                    played[called_lane(lane, call.workflow.spec.name, _call_site(call))] = party.strip()
        return played

    def ready_human_tasks(self) -> list[HumanTask]:
        return [
            HumanTask(
                task_id=str(task.id),
                element_id=task.task_spec.bpmn_id,
                name=task.task_spec.bpmn_name or task.task_spec.bpmn_id,
                lane=self.lane_key(task),
                form_key=form_key_of(task.task_spec),
                **asdict(assignment_of(task.task_spec)),
            )
            for task in self._tasks_now
            if task.state == TaskState.READY and _is_human(task.task_spec)
        ]

    def ready_external_tasks(self) -> list[ExternalWork]:
        return [
            ExternalWork(
                task_id=str(task.id),
                element_id=task.task_spec.bpmn_id,
                name=task.task_spec.bpmn_name or task.task_spec.bpmn_id,
                topic=task.task_spec.topic,
                lane=self.lane_key(task),
            )
            for task in self._tasks_now
            if task.state == TaskState.READY and is_external(task.task_spec)
        ]

    def waits_changed(self, *, running: bool) -> bool:
        """Whether what the instance waits for changed (an instance that ended waits for nothing)."""
        waiting_now = set(self.workflow.event_manager.tasks) if running else set()
        return waiting_now != self._waiting_before or (running and self._cycles_now() != self._cycles_before)

    def _cycles_now(self) -> dict:
        """When each waiting cycle fires next: a cycle that fired waits on, for a later time."""
        return {
            task_id: value["next"]
            for task_id, task in self.workflow.event_manager.tasks.items()
            if isinstance(value := task._get_internal_data("event_value"), dict) and "next" in value
        }

    def _kinds_waited_for(self) -> tuple[bool, bool]:
        """(messages, timers): whether the instance waits for any of each kind now."""
        messages = timers = False
        for task in self.workflow.event_manager.tasks.values():
            for definition in _event_definitions(task.task_spec.event_definition):
                messages = messages or isinstance(definition, MessageEventDefinition)
                timers = timers or isinstance(definition, TimerEventDefinition)
        return messages, timers

    def waits(self) -> tuple[list[MessageWait], list[TimerWait]]:
        """The messages and timers the instance waits for now."""
        messages, timers = [], []
        for task in self.workflow.event_manager.tasks.values():
            spec = task.task_spec
            for definition in _event_definitions(spec.event_definition):
                if isinstance(definition, MessageEventDefinition):
                    lane = self.lane_key(task)
                    messages.append(MessageWait(str(task.id), spec.bpmn_id, definition.name, lane))
                elif isinstance(definition, TimerEventDefinition) and (due := _timer_due(task)) is not None:
                    name = spec.bpmn_name or definition.name or spec.bpmn_id
                    timers.append(TimerWait(str(task.id), spec.bpmn_id, name, due))
        return messages, timers

    def newly_completed(self) -> list[ElementCompleted]:
        """The diagram elements this run completed, in tree order, each with where the token came from."""
        return [
            ElementCompleted(
                task_id=str(task.id),
                element_id=task.task_spec.bpmn_id,
                name=task.task_spec.bpmn_name,
                type=getattr(task.task_spec, "kind", None) or type(task.task_spec).__name__,
                process=task.workflow.spec.name,
                came_from=self._came_from(task),
            )
            for task in self._newly_completed_tasks()
        ]

    def _newly_completed_tasks(self):
        return [
            t
            for t in self._tasks_now
            if t.state == TaskState.COMPLETED
            and t.id not in self._completed_before
            and t.task_spec.bpmn_id is not None
        ]

    def _came_from(self, task) -> list[str]:
        """The flow nodes the instance came from to reach ``task`` (none at a process's start): with the
        element itself each names a sequence flow taken, for path coverage and for drawing the path.

        A join continues on the branch that arrived last; Spiff cancels the join's waiting instances on
        the other branches, so the branches that arrived are the parents of those cancelled in this unit of
        work (told by task id, not by timestamp: the machines of a cluster need not agree on the time)."""
        arrived = [_flow_node_before(task)]
        if len(task.task_spec.inputs) > 1:
            arrived += self._join_arrivals.get(_join_key(task), [])
        return sorted({node for node in arrived if node is not None})

    @cached_property
    def _join_arrivals(self) -> dict[tuple[int, str], list[str | None]]:
        """Where the branches came from that arrived at a join's gateway before it and waited there, by the
        gateway (``_join_key``): the waiting instances this unit of work cancelled, and the arrivals each of
        them had been handed. Read from the walk the run already made, once for every join of the instance;
        a unit of work that cancelled no wait at a join finds none.

        Spiff keeps only the latest arrival at a join waiting and cancels the earlier one at once, so
        with three branches arriving in three units of work the first one's wait was cancelled two units
        before the join fired: ``_hand_on_join_arrivals`` hands it on to the wait that stays."""
        arrivals: dict[tuple[int, str], list[str | None]] = {}
        for waiting in self._tasks_now:
            if (
                waiting.state == TaskState.CANCELLED
                and len(waiting.task_spec.inputs) > 1
                and waiting.id not in self._cancelled_before
                and waiting.parent.state == TaskState.COMPLETED
            ):
                arrived = arrivals.setdefault(_join_key(waiting), [])
                arrived.append(_flow_node_before(waiting))
                arrived += waiting.internal_data.get(_ARRIVED_BEFORE, [])
        return arrivals

    def _hand_on_join_arrivals(self) -> None:
        """Give each join that still waits the arrivals of the waits this unit of work cancelled at its
        gateway (``_join_arrivals``), kept in its internal data, which is stored with the state."""
        if not self._join_arrivals:  # no wait at a join was cancelled: nothing to hand on
            return
        for task in self._tasks_now:
            if task.state == TaskState.WAITING and len(task.task_spec.inputs) > 1:
                handed = self._join_arrivals.get(_join_key(task))
                if handed:
                    arrived = set(task.internal_data.get(_ARRIVED_BEFORE, []))
                    arrived |= {node for node in handed if node is not None}
                    task.internal_data[_ARRIVED_BEFORE] = sorted(arrived)

    def _error_end_element(self, definition) -> str | None:
        for task in self._newly_completed_tasks():
            if _event_definitions(getattr(task.task_spec, "event_definition", None))[0] == definition:
                return task.task_spec.bpmn_id
        return None


# A waiting join's internal data: the flow nodes of the branches that arrived at its gateway before it.
_ARRIVED_BEFORE = "arrived_before"


def _join_key(task) -> tuple[int, str]:
    """A join's gateway within its own (sub)workflow: the waits at one gateway, whichever branch each came
    on, share it; the same gateway in another instance of a called process does not."""
    return id(task.workflow), task.task_spec.name


def _call_site(call) -> str:
    """Where a process was called from: its call activity's id, and for one instance of a multi-instance call
    its item's index too (``Call_join_new_joiners[1]``), so new joiners called side by side each have their
    own lanes rather than the last one bound taking them all."""
    index = call.internal_data.get("key_or_index")
    return call.task_spec.bpmn_id if index is None else f"{call.task_spec.bpmn_id}[{index}]"


def _calling_on_behalf(workflow):
    """The nearest call activity (task) above ``workflow`` that names the party its process runs for."""
    while workflow.parent_task_id is not None:
        call = workflow.top_workflow.get_task_from_id(workflow.parent_task_id)
        if getattr(call.task_spec, "callee_party", None) is not None:
            return call
        workflow = call.workflow
    return None


def start_lane(definition: LoadedDefinition) -> str | None:
    """The lane the process's start event is drawn in (None: it is in none)."""
    starts = (
        spec for spec in definition.spec.task_specs.values() if type(spec).__name__.endswith("StartEvent")
    )
    return next((spec.lane for spec in starts if getattr(spec, "lane", None)), None)


def form_lanes(definition: LoadedDefinition) -> list[tuple[str, str | None]]:
    """(form key, lane) of every human task of the process and of the processes it calls."""
    specs = [definition.spec, *definition.subprocess_specs.values()]
    return [
        (key, getattr(task_spec, "lane", None))
        for spec in specs
        for task_spec in spec.task_specs.values()
        if (key := form_key_of(task_spec))
    ]


def task_details(task) -> tuple[str, dict]:
    """A human task's instructions and the data it starts from."""
    return task.task_spec.documentation or "", json_safe(task.data)


def _is_human(task_spec) -> bool:
    """A task a person completes: SpiffWorkflow's manual tasks, but for the external tasks (workers')."""
    return task_spec.manual and not is_external(task_spec)


def form_key_of(task_spec) -> str | None:
    form = getattr(task_spec, "form", None)
    return getattr(form, "key", None) or None


def parse_duration(duration: str, start: datetime) -> timedelta:
    """An ISO 8601 duration from ``start``, read as the diagrams' timers read it (months and years from
    the start); ValueError saying why when the text is not one or is too long."""
    try:
        parsed = TimerEventDefinition.parse_iso_duration(duration)
    except ValueError:
        raise
    except Exception:  # Spiff's parser raises a bare Exception for text it can not read
        raise ValueError(f'"{duration}" is not an ISO 8601 duration') from None
    return TimerEventDefinition.get_timedelta_from_start(parsed, start)


class LimitExceeded(Exception):
    """A run went past one of the engine's limits."""

    def __init__(self, task, message: str):
        super().__init__(message)
        self.task_spec = task.task_spec


def _failure(error: Exception) -> dict:
    task_spec = getattr(error, "task_spec", None)
    cause = getattr(error, "__cause__", None) or error
    element_id = getattr(task_spec, "bpmn_id", None)
    fault = _definition_fault(error, cause, element_id)
    if fault is not None:
        return {"element_id": element_id, "message": fault, "type": DEFINITION_FAULT}
    return {"element_id": element_id, "message": str(error), "type": type(cause).__name__}


DEFINITION_FAULT = "DefinitionFault"


def _definition_fault(error: Exception, cause: BaseException, element_id: str | None) -> str | None:
    """What the diagram got wrong, when a failure is the process definition's fault whatever the caller
    sent (forms and message schemas have checked the data before): a gateway none of whose conditions
    holds and that has no default flow, a name nothing wrote on the way to the code that reads it, a
    decision table whose rules contradict its hit policy. None for a failure the data may cause."""
    said = str(error).strip()
    causes = []
    while cause is not None and cause not in causes:  # SpiffWorkflow may wrap its own exception again
        causes.append(cause)
        cause = cause.__cause__
    if any(isinstance(c, TableFault) for c in causes):
        return said
    if said.startswith("No conditions satisfied"):
        return (
            f"none of the conditions of gateway {element_id} holds, and it has no default flow: give it a "
            "default flow, or conditions that cover every value"
        )
    cause = next((c for c in causes if isinstance(c, NameError)), None)
    if cause is not None:
        said = said.rstrip(". ")
        if str(cause) not in said:
            said = f"{said} ({cause})"
        return f"{said}: the diagram reads a name that nothing wrote on the way here"
    return None


def _event_definitions(definition):
    if isinstance(definition, MultipleEventDefinition):
        return list(definition.event_definitions)
    return [definition]


def _timer_standing(task) -> tuple:
    value = task._get_internal_data("event_value")
    return task.state, value.get("cycles") if isinstance(value, dict) else None


def _timer_due(task):
    """When a waiting timer task falls due, or None if it is not a timer (or not yet scheduled)."""
    for definition in _event_definitions(getattr(task.task_spec, "event_definition", None)):
        if isinstance(definition, TimerEventDefinition):
            value = task._get_internal_data("event_value")
            if isinstance(value, dict):  # a cycle: the next occurrence
                value = value.get("next")
            if isinstance(value, str):
                return TimerEventDefinition.parse_time_or_duration(value)
    return None


def _flow_node_before(task) -> str | None:
    parent = task.parent
    while parent is not None and parent.task_spec.bpmn_id is None:
        parent = parent.parent
    return parent.task_spec.bpmn_id if parent is not None else None
