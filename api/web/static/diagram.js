/* Draws a BPMN diagram with the vendored bpmn-js navigated viewer (global BpmnJS), tells what a clicked
 * element is for, and marks where an instance has been (highlight-done) and where it waits
 * (highlight-active). */
"use strict";

(() => {
  const { el, enc, api, must, elementsOf, renderInstructions, t } = Kanta;

  // At less than this scale a diagram's labels are too small to read (at 0.5 a 12 px label is 6 px high).
  const READABLE = 0.85;

  /** "bpmn:UserTask" → "User task", in the language chosen. */
  const typeName = (type) => t(type.replace(/^bpmn:/, "").replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/^(\w)(.*)$/, (_, first, rest) => first + rest.toLowerCase()));

  function documentationOf(businessObject) {
    const own = (businessObject.documentation || []).map((d) => d.text).join("\n");
    if (own || !businessObject.processRef) return own;
    return (businessObject.processRef.documentation || []).map((d) => d.text).join("\n"); // a pool: its process
  }

  /** One finger drags the diagram on a touch screen (the viewer itself pans only with a mouse). */
  function panByTouch(container, canvas) {
    let last = null;
    container.addEventListener("pointerdown", (event) => {
      if (event.pointerType === "touch") last = { x: event.clientX, y: event.clientY };
    });
    container.addEventListener("pointermove", (event) => {
      if (!last || event.pointerType !== "touch") return;
      canvas.scroll({ dx: event.clientX - last.x, dy: event.clientY - last.y });
      last = { x: event.clientX, y: event.clientY };
    });
    for (const end of ["pointerup", "pointercancel", "pointerleave"]) {
      container.addEventListener(end, () => { last = null; });
    }
  }

  /** The mouse wheel scrolls the page past the diagram until the diagram is clicked: only then does it
   * move and zoom the diagram, until the pointer leaves it (a page is read by scrolling, and a diagram that
   * takes the wheel traps the reader half-way down). ``wheel`` is the viewer's zoomScroll configuration,
   * which it reads again whenever the pointer comes over the canvas. */
  function wheelOnlyWhenEngaged(container, zoomScroll, wheel) {
    const engage = (engaged) => {
      wheel.enabled = engaged;
      zoomScroll.toggle(engaged);
      container.classList.toggle("engaged", engaged);
    };
    container.addEventListener("pointerdown", () => engage(true), true); // before the viewer takes it
    container.addEventListener("pointerleave", () => engage(false));
  }

  /** Every step of the diagram is a stop of the Tab key, named for a screen reader by its kind, name and
   * state; Enter or Space reads its instructions, as a click does. Tab goes through them in the order the
   * diagram file lists them; the canvas scrolls to the step that has the focus. */
  function reachableByKeyboard(registry, canvas, describe, stateOf) {
    const steps = registry.filter((e) => e.type !== "label" && e.parent && !e.waypoints
      && !/^bpmn:(Process|Collaboration|Participant|Lane)$/.test(e.type));
    for (const element of steps) {
      const gfx = registry.getGraphics(element);
      const bo = element.businessObject;
      const label = () => {
        const state = stateOf().get(bo.id);
        return [typeName(element.type), bo.name || bo.id,
          state === "active" ? t("waiting now") : state === "done" ? t("done") : null].filter(Boolean).join(": ");
      };
      gfx.setAttribute("tabindex", "0");
      gfx.setAttribute("role", "button");
      gfx.setAttribute("aria-label", label());
      gfx.addEventListener("focus", () => {
        gfx.setAttribute("aria-label", label()); // the instance's progress is marked after drawing
        canvas.scrollToElement(element, { top: 40, bottom: 40, left: 40, right: 40 });
      });
      gfx.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          describe(element);
        }
      });
    }
  }

  /** The diagram's XML with each element named as ``names`` (element id → name) says. A diagram file keeps
   * its Finnish names in ``name`` and the others as name_en / name_sv properties, which bpmn-js does not
   * read; the API says each name in the language chosen here. */
  function renamed(xml, names) {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    if (doc.querySelector("parsererror")) return xml; // bpmn-js says what is wrong with it
    for (const node of doc.querySelectorAll("[id][name]")) {
      const name = names.get(node.getAttribute("id"));
      if (name) node.setAttribute("name", name);
    }
    return new XMLSerializer().serializeToString(doc);
  }

  /** Draw a deployed version of a process with its names in the language chosen. */
  async function draw(container, processKey, version, panel) {
    const query = version ? `?version=${enc(version)}` : "";
    const [xml, elements] = await Promise.all([
      must(api(`/api/v1/process-definitions/${enc(processKey)}/xml${query}`)), elementsOf(processKey, version),
    ]);
    const drawn = await show(container, renamed(xml, new Map(elements.map((e) => [e.element_id, e.name]))), panel);
    // a lane as the diagram names it (parties, filters) → its name in the language chosen
    const lanes = new Map(elements.filter((e) => e.kind === "lane").map((e) => [e.diagram_name, e.name]));
    drawn.laneName = (diagramName) => lanes.get(diagramName) || diagramName;
    return drawn;
  }

  async function show(container, xml, panel) {
    const wheel = { enabled: false };
    const viewer = new BpmnJS({ container, zoomScroll: wheel });
    try {
      await viewer.importXML(xml);
    } catch (error) {
      // A diagram written by a program, not drawn in a modeler, has no layout (no BPMNDiagram): the page
      // still shows everything else, and names its steps by their ids.
      if (!/no diagram to display/.test(error.message || "")) throw error;
      viewer.destroy();
      container.replaceChildren(el("p", { class: "hint undrawn" },
        t("This diagram has no drawing (it was saved without a layout): its steps are named by their ids.")));
      return {
        viewer: null, name: (id, fallback) => fallback || id, markProgress() {}, focusOn() {}, markElements() {}, select: () => false,
      };
    }
    const canvas = viewer.get("canvas");
    const registry = viewer.get("elementRegistry");
    const fit = () => {
      canvas.zoom("fit-viewport", "auto");
      canvas.zoom(canvas.zoom() * 0.94, "auto"); // a margin, so no shape touches the frame
    };
    let home = fit; // the view the diagram opens at, and goes back to on a resize
    home();
    // A turned phone or a resized window: draw to the new size and go back to the opening view.
    new ResizeObserver(() => {
      canvas.resized();
      home();
    }).observe(container);
    panByTouch(container, canvas);
    wheelOnlyWhenEngaged(container, viewer.get("zoomScroll"), wheel);
    for (const button of container.parentElement.querySelectorAll("[data-zoom]")) {
      button.addEventListener("click", () => {
        const how = button.dataset.zoom;
        if (how === "fit") fit();
        else canvas.zoom(canvas.zoom() * (how === "in" ? 1.25 : 0.8));
      });
    }
    const state = new Map(); // element id → "done" | "active", once an instance's progress is marked

    let selected = null;

    function describe(element) {
      if (selected) canvas.removeMarker(selected, "selected");
      selected = null;
      const bo = element.businessObject;
      if (!bo || element === canvas.getRootElement()) {
        panel.replaceChildren(el("p", { class: "hint" }, t("Click a step to read its instructions.")));
        return;
      }
      const formKey = bo.$attrs?.["camunda:formKey"];
      const decision = bo.$attrs?.["camunda:decisionRef"];
      selected = element.id;
      canvas.addMarker(selected, "selected");
      panel.replaceChildren(el("div", {},
        el("h3", {}, bo.name || bo.id),
        el("p", { class: "hint" }, `${typeName(element.type)} · `, el("code", {}, bo.id)),
        state.get(bo.id) ? el("p", { class: `state state-${state.get(bo.id)}` },
          t(state.get(bo.id) === "active" ? "Waiting now" : "Done")) : null,
        formKey ? el("p", { class: "hint" }, `${t("Form")} `, el("code", {}, formKey)) : null,
        decision ? el("p", { class: "hint" }, `${t("Decision")} `, el("code", {}, decision)) : null,
      ));
      panel.dataset.element = bo.id;
      renderInstructions(panel, documentationOf(bo));
    }

    viewer.get("eventBus").on("element.click", ({ element }) => describe(element));
    reachableByKeyboard(registry, canvas, describe, () => state);

    return {
      viewer,
      // a step drawn elsewhere (in a called process) goes by ``fallback``, the name an answer gave it
      name: (id, fallback) => registry.get(id)?.businessObject?.name || fallback || id,

      /** ``done``: ids of completed elements; ``active``: ready tasks, waiting events and timers. */
      markProgress(done, active) {
        const mark = (id, marker, value) => {
          if (!registry.get(id)) return; // e.g. an element inside a called process, drawn elsewhere
          canvas.addMarker(id, marker);
          state.set(id, value);
        };
        for (const id of done) if (!active.has(id)) mark(id, "highlight-done", "done");
        // A flow was taken when both its ends were reached (the target may be where it waits now).
        for (const flow of registry.filter((e) => e.type === "bpmn:SequenceFlow")) {
          const { sourceRef, targetRef } = flow.businessObject;
          if (done.has(sourceRef?.id) && (done.has(targetRef?.id) || active.has(targetRef?.id))) {
            mark(flow.id, "highlight-done", "done");
          }
        }
        for (const id of active) mark(id, "highlight-active", "active");
      },

      /** Mark the elements a deployment's problems (``marker`` "highlight-problem") or warnings name. */
      markElements(ids, marker) {
        for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
      },

      /** Show ``id`` as clicked: centred at a readable size, its instructions beside it. */
      select(id) {
        const element = registry.get(id);
        if (!element) return false;
        this.focusOn([id]);
        describe(element);
        return true;
      },

      /** Open at the steps ``ids`` at a readable size (labels as drawn), centred; the whole diagram when
       * it fits readably or no step is drawn here. */
      focusOn(ids) {
        const shapes = [...ids].map((id) => registry.get(id)).filter((e) => e && e.width !== undefined);
        if (!shapes.length) return;
        const left = Math.min(...shapes.map((e) => e.x));
        const top = Math.min(...shapes.map((e) => e.y));
        const right = Math.max(...shapes.map((e) => e.x + e.width));
        const bottom = Math.max(...shapes.map((e) => e.y + e.height));
        home = () => {
          fit();
          if (canvas.zoom() >= READABLE) return;
          const { width, height } = canvas.viewbox().outer;
          canvas.viewbox({
            x: (left + right) / 2 - width / 2, y: (top + bottom) / 2 - height / 2, width, height,
          });
        };
        home();
      },
    };
  }

  Kanta.diagram = { show, draw };
})();
