"""An analyst's edits to a copy of a catalogue diagram, as the version features describe them: a task added
after another, a task removed (its path closed over it), a gateway's branch sent elsewhere, a script added
on a path, a start variable declared. Elements are found by the names the diagram gives them, as the
features speak of them; the copy lives in the test's own folder, never in the catalogue.

The diagram interchange (the shapes a modeler draws) follows each edit, so the edited copy still draws: a
removed element loses its shape and its flows' edges, an added one gets a shape beside the element it
follows, and a flow sent elsewhere is drawn straight to its new target.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from engine import BPMN_NS

BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False)


def _bpmn(tag: str) -> str:
    return f"{{{BPMN_NS}}}{tag}"


class DiagramDraft:
    """One diagram file of a catalogue copy, edited in memory and written back with ``save``."""

    def __init__(self, path: Path):
        self.path = path
        self.root = etree.fromstring(path.read_bytes(), _PARSER)
        self.process = self.root.find(_bpmn("process"))
        self._added = 0

    # ---- finding ------------------------------------------------------------------------------------

    def named(self, name: str) -> etree._Element:
        found = [e for e in self.process.iter() if e.get("name") == name and e.get("id")]
        if len(found) != 1:
            names = sorted({e.get("name") for e in self.process.iter() if e.get("name")})
            raise AssertionError(
                f'the diagram has {len(found)} elements named "{name}"; its names are {names}'
            )
        return found[0]

    def by_id(self, element_id: str) -> etree._Element:
        return self.process.find(f".//*[@id='{element_id}']")

    def _flows(self, **refs: str) -> list[etree._Element]:
        return [
            flow
            for flow in self.process.iter(_bpmn("sequenceFlow"))
            if all(flow.get(attribute) == value for attribute, value in refs.items())
        ]

    # ---- edits --------------------------------------------------------------------------------------

    def add_task_after(self, before: str, name: str, kind: str = "manualTask") -> str:
        """A task ``name`` on the path right after ``before``, in its lane; answers the new element's id."""
        earlier = self.named(before)
        [leaving] = self._flows(sourceRef=earlier.get("id"))
        return self._insert_on(leaving, etree.Element(_bpmn(kind)), name, earlier)

    def add_script_after(self, before: str, name: str, code: str) -> str:
        """A script task ``name`` running ``code`` right after ``before`` (a task or a timer)."""
        earlier = self.named(before)
        [leaving] = self._flows(sourceRef=earlier.get("id"))
        task = etree.Element(_bpmn("scriptTask"), scriptFormat="python")
        etree.SubElement(task, _bpmn("script")).text = code
        return self._insert_on(leaving, task, name, earlier)

    def remove_task(self, name: str) -> None:
        """Take ``name`` out of the path: what led to it leads where it led."""
        task = self.named(name)
        task_id = task.get("id")
        [leaving] = self._flows(sourceRef=task_id)
        onward = leaving.get("targetRef")
        for arriving in self._flows(targetRef=task_id):
            self._retarget(arriving, onward)
        self._drop_flow(leaving)
        self._forget_node(task)

    def reroute(self, gateway: str, branch: str, target: str) -> None:
        """Send the branch ``branch`` of ``gateway`` to ``target`` instead of where it went."""
        source_id = self.named(gateway).get("id")
        flows = [flow for flow in self._flows(sourceRef=source_id) if flow.get("name") == branch]
        if len(flows) != 1:
            raise AssertionError(f'"{gateway}" has {len(flows)} branches named "{branch}"')
        self._retarget(flows[0], self.named(target).get("id"))

    def declare_start_variable(self, name: str) -> None:
        """The start event says its instances start with ``name`` too."""
        start = self.process.find(_bpmn("startEvent"))
        entry = start.find(f".//{{{CAMUNDA_NS}}}property[@name='start-variable']")
        said = [n.strip() for n in (entry.get("value") or "").split(",") if n.strip()]
        entry.set("value", ",".join([*said, name]))

    def save(self) -> bytes:
        content = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")
        self.path.write_bytes(content)
        return content

    # ---- the flow and its drawing -------------------------------------------------------------------

    def _insert_on(self, flow, task, name: str, beside) -> str:
        self._added += 1
        task_id = f"Changed_task_{self._added}"
        task.set("id", task_id)
        task.set("name", name)
        onward = flow.get("targetRef")
        new_flow_id = f"Changed_flow_{self._added}"
        self._retarget(flow, task_id)
        beside.addnext(task)
        # a flow node's references come before its own content (a script task's <script>)
        task.insert(0, _child(_bpmn("incoming"), flow.get("id")))
        task.insert(1, _child(_bpmn("outgoing"), new_flow_id))
        follow = etree.Element(_bpmn("sequenceFlow"), id=new_flow_id, sourceRef=task_id, targetRef=onward)
        flow.addnext(follow)
        _add_incoming(self.by_id(onward), new_flow_id)
        for lane in self.process.iter(_bpmn("lane")):
            if beside.get("id") in [ref.text for ref in lane.findall(_bpmn("flowNodeRef"))]:
                lane.append(_child(_bpmn("flowNodeRef"), task_id))
        bounds = self._bounds(beside.get("id"))
        if bounds is not None:
            x, y, width, height = bounds
            self._shape(task_id, x + width / 2, y + height + 40)
            self._edge(flow.get("id"))
            self._edge(new_flow_id)
        return task_id

    def _retarget(self, flow, target_id: str) -> None:
        old = self.by_id(flow.get("targetRef"))
        for incoming in old.findall(_bpmn("incoming")):
            if incoming.text == flow.get("id"):
                old.remove(incoming)
        flow.set("targetRef", target_id)
        new = self.by_id(target_id)
        if new is not None and flow.get("id") not in [i.text for i in new.findall(_bpmn("incoming"))]:
            _add_incoming(new, flow.get("id"))
        self._edge(flow.get("id"))

    def _drop_flow(self, flow) -> None:
        target = self.by_id(flow.get("targetRef"))
        for incoming in target.findall(_bpmn("incoming")):
            if incoming.text == flow.get("id"):
                target.remove(incoming)
        flow.getparent().remove(flow)
        self._drop_drawing(flow.get("id"))

    def _forget_node(self, node) -> None:
        node_id = node.get("id")
        for ref in list(self.process.iter(_bpmn("flowNodeRef"))):
            if ref.text == node_id:
                ref.getparent().remove(ref)
        node.getparent().remove(node)
        self._drop_drawing(node_id)

    def _drawing(self, element_id: str):
        return self.root.find(f".//*[@bpmnElement='{element_id}']")

    def _drop_drawing(self, element_id: str) -> None:
        drawn = self._drawing(element_id)
        if drawn is not None:
            drawn.getparent().remove(drawn)

    def _bounds(self, element_id: str):
        drawn = self._drawing(element_id)
        bounds = drawn.find(f"{{{DC_NS}}}Bounds") if drawn is not None else None
        if bounds is None:
            return None
        return tuple(float(bounds.get(k)) for k in ("x", "y", "width", "height"))

    def _shape(self, element_id: str, centre_x: float, top: float) -> None:
        plane = self.root.find(f".//{{{BPMNDI_NS}}}BPMNPlane")
        shape = etree.SubElement(
            plane, f"{{{BPMNDI_NS}}}BPMNShape", id=f"{element_id}_di", bpmnElement=element_id
        )
        size = {"x": str(centre_x - 50), "y": str(top), "width": "100", "height": "80"}
        etree.SubElement(shape, f"{{{DC_NS}}}Bounds", size)

    def _edge(self, flow_id: str) -> None:
        """The flow drawn straight from its source's centre to its target's."""
        flow = self.by_id(flow_id)
        ends = [self._bounds(flow.get(end)) for end in ("sourceRef", "targetRef")]
        if None in ends:
            return
        plane = self.root.find(f".//{{{BPMNDI_NS}}}BPMNPlane")
        edge = self._drawing(flow_id)
        if edge is None:
            edge = etree.SubElement(
                plane, f"{{{BPMNDI_NS}}}BPMNEdge", id=f"{flow_id}_di", bpmnElement=flow_id
            )
        for point in edge.findall(f"{{{DI_NS}}}waypoint"):
            edge.remove(point)
        for at, (x, y, width, height) in enumerate(ends):  # before its label, as the schema orders them
            point = etree.Element(f"{{{DI_NS}}}waypoint", x=str(x + width / 2), y=str(y + height / 2))
            edge.insert(at, point)


def _child(tag: str, text: str):
    element = etree.Element(tag)
    element.text = text
    return element


def _add_incoming(element, flow_id: str) -> None:
    """An <incoming> after the element's others, before its <outgoing> (the schema's order)."""
    reference = _child(_bpmn("incoming"), flow_id)
    arriving = element.findall(_bpmn("incoming"))
    leaving = element.find(_bpmn("outgoing"))
    if arriving:
        arriving[-1].addnext(reference)
    elif leaving is not None:
        leaving.addprevious(reference)
    else:
        element.append(reference)
