// The trace viewer's style sheet and script, inlined into every page that `htmlTrace` writes.
// The script is plain browser JavaScript (it is not type-checked with the rest): it reads the
// page's embedded JSON, marks the selected step, and fills the side panel with the state after
// it, using textContent only, so that no value from a model is ever parsed as HTML.

export const VIEWER_STYLE = String.raw`
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --box: #ddf4ff; --box-line: #54aeff; --monitor: #8250df; --bad: #cf222e; --bad-bg: #ffebe9;
  --select: #fff8c5; --changed: #fff1a8; --cycle: #fbefff;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --box: #0c2d6b; --box-line: #4493f8; --monitor: #ab7df8; --bad: #ff7b72; --bad-bg: #3c1618;
    --select: #3a3000; --changed: #4d3800; --cycle: #271c3a;
  }
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; display: flex; flex-direction: column; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
header.top { padding: 12px 20px; border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 18px; margin: 0 0 4px; font-weight: 600; }
.verdict { color: var(--bad); }
.message { margin: 0 0 4px; font-size: 15px; }
.meta, .hint { margin: 0; color: var(--muted); }
.hint { font-size: 12px; margin-top: 2px; }
main { flex: 1; display: flex; min-height: 0; }
.scroll { flex: 1; overflow: auto; position: relative; }
.lanes { display: flex; position: sticky; top: 0; z-index: 1; background: var(--bg); border-bottom: 1px solid var(--line); }
.lane { text-align: center; padding: 8px 4px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.lane.monitor { color: var(--monitor); }
.lane.monitor::before { content: "monitor "; font-weight: 400; font-size: 11px; }
svg.chart { display: block; font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; }
svg.chart text { fill: var(--fg); }
.lifeline { stroke: var(--line); stroke-dasharray: 4 4; }
.lifeline.monitor { stroke: var(--monitor); opacity: .5; }
.band { fill: transparent; }
.step { cursor: pointer; outline: none; }
.step:hover .band { fill: var(--panel); }
.step.cycle .band { fill: var(--cycle); }
.step.failed .band { fill: var(--bad-bg); }
.step.selected .band { fill: var(--select); stroke: var(--box-line); stroke-width: 1.5; }
.step.failed.selected .band { fill: var(--bad-bg); stroke: var(--bad); }
.step:focus-visible .band { stroke: var(--box-line); stroke-width: 2; }
.num { fill: var(--muted) !important; font-weight: 600; }
.box { fill: var(--box); stroke: var(--box-line); }
.step.failed .box { fill: var(--bad-bg); stroke: var(--bad); stroke-width: 2; }
.box-label { font-weight: 600; }
.arrow { stroke: var(--fg); stroke-width: 1.3; fill: none; }
.arrow.create { stroke-dasharray: 5 3; }
.arrow.observe { stroke: var(--monitor); stroke-dasharray: 2 3; }
#head path { fill: var(--fg); }
.arrow-label { font-size: 11.5px; }
.failure-label { fill: var(--bad) !important; font-weight: 600; }
.cycle-label { fill: var(--monitor) !important; font-weight: 600; }
.end-box { fill: var(--bad-bg); stroke: var(--bad); }
aside#panel { width: 420px; max-width: 45vw; overflow: auto; border-left: 1px solid var(--line); background: var(--panel); padding: 12px 16px; }
#panel h2 { font-size: 15px; margin: 0 0 2px; }
#panel h3 { font-size: 13px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
#panel .title { font-weight: 600; margin: 0 0 6px; }
#panel ul.effects { margin: 0; padding-left: 18px; }
#panel .impl { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; margin: 0 0 6px; }
#panel .failure { color: var(--bad); font-weight: 600; margin: 6px 0; }
#panel .note { color: var(--muted); font-style: italic; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin-bottom: 8px; }
.card.actor { border-color: var(--box-line); box-shadow: 0 0 0 1px var(--box-line); }
.card.monitor .name { color: var(--monitor); }
.card-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.card .name { font-weight: 600; }
.card .state { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.badge { font-size: 11px; padding: 0 6px; border-radius: 10px; border: 1px solid var(--line); color: var(--muted); }
.card table { border-collapse: collapse; width: 100%; margin-top: 4px; }
.card td { padding: 1px 4px; vertical-align: top; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-word; }
.card td:first-child { color: var(--muted); width: 1%; white-space: nowrap; }
.changed { background: var(--changed); border-radius: 3px; }
`;

export const VIEWER_SCRIPT = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pith-data").textContent);
  var panel = document.getElementById("panel");
  var groups = Array.prototype.slice.call(document.querySelectorAll("g.step"));
  var current = -1;

  function inner(v) { return text(v, true); }
  function text(v, nested) {
    if (v === null || v === undefined) return "null";
    if (typeof v === "string") return v;
    if (typeof v !== "object") return String(v);
    if (Array.isArray(v)) return "[" + v.map(inner).join(", ") + "]";
    if ("#bigint" in v) return v["#bigint"];
    if ("#tup" in v) { var t = v["#tup"].map(inner); return t.length === 1 ? "(" + t[0] + ",)" : "(" + t.join(", ") + ")"; }
    if ("#set" in v) return "{" + v["#set"].map(inner).join(", ") + "}";
    if ("#map" in v) return "{" + v["#map"].map(function (kv) { return inner(kv[0]) + " -> " + inner(kv[1]); }).join(", ") + "}";
    var fields = Object.keys(v).map(function (k) { return k + " = " + inner(v[k]); });
    return fields.length === 1 ? "(" + fields[0] + ",)" : "(" + fields.join(", ") + ")";
  }

  function el(tag, className, content) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  /** The state after step i (1-based), or the nearest one before it when the step left none. */
  function stateAt(i) {
    for (var k = i - 1; k >= 0; k--) {
      var s = data.states[k];
      if (s && s.machines) return { state: s, index: k + 1 };
    }
    return null;
  }

  function find(list, key, name) {
    if (!list) return undefined;
    for (var i = 0; i < list.length; i++) if (list[i][key] === name) return list[i];
    return undefined;
  }

  function row(table, name, value, before) {
    var tr = el("tr");
    tr.appendChild(el("td", "", name));
    var shown = text(value, false);
    var td = el("td", before !== undefined && text(before, false) !== shown ? "changed" : "", shown);
    tr.appendChild(td);
    table.appendChild(tr);
  }

  function card(kind, name, state, badge, vars, beforeVars, inbox, beforeState, actor) {
    var c = el("div", "card " + kind + (actor ? " actor" : ""));
    c.setAttribute("data-name", name);
    var head = el("div", "card-head");
    head.appendChild(el("span", "name", name));
    var st = el("span", "state" + (beforeState !== undefined && beforeState !== state ? " changed" : ""), state);
    st.setAttribute("data-role", "state");
    head.appendChild(st);
    if (badge) head.appendChild(el("span", "badge", badge));
    c.appendChild(head);
    var names = Object.keys(vars || {});
    if (names.length > 0 || inbox) {
      var table = el("table");
      names.forEach(function (n) { row(table, n, vars[n], beforeVars ? beforeVars[n] : undefined); });
      if (inbox) {
        var items = inbox.map(function (m) { return m.payload === null || m.payload === undefined ? m.event : m.event + " " + text(m.payload, false); });
        var tr = el("tr");
        tr.appendChild(el("td", "", "inbox"));
        tr.appendChild(el("td", "", items.length === 0 ? "empty" : items.join(", ")));
        table.appendChild(tr);
      }
      c.appendChild(table);
    }
    return c;
  }

  function show(i) {
    if (i < 1 || i > data.steps.length) return;
    if (current >= 1) groups[current - 1].classList.remove("selected");
    current = i;
    var g = groups[i - 1];
    g.classList.add("selected");
    if (g.scrollIntoView) g.scrollIntoView({ block: "nearest" });
    if (history.replaceState) history.replaceState(null, "", "#step-" + i);
    var step = data.steps[i - 1];
    panel.textContent = "";
    panel.setAttribute("data-step", String(i));
    panel.appendChild(el("h2", "", "Step " + i + " of " + data.steps.length + (step.cycle ? " (repeats forever)" : "")));
    panel.appendChild(el("p", "title", step.title));
    if (step.impl) panel.appendChild(el("p", "impl", "In the implementation: " + step.impl));
    if (step.effects.length > 0) {
      var ul = el("ul", "effects");
      step.effects.forEach(function (e) { ul.appendChild(el("li", "", e)); });
      panel.appendChild(ul);
    }
    if (step.failure) panel.appendChild(el("p", "failure", "✗ " + step.failure));
    var found = stateAt(i);
    var before = found ? stateAt(found.index - 1) : null;
    panel.appendChild(el("h3", "", found && found.index === i ? "State after step " + i : "State"));
    if (!found) { panel.appendChild(el("p", "note", "No state was recorded.")); return; }
    if (found.index !== i) panel.appendChild(el("p", "note", "This step ended in the failure, so it left no state; this is the state after step " + found.index + "."));
    var s = found.state;
    var b = before ? before.state : null;
    (s.machines || []).forEach(function (m) {
      var was = b ? find(b.machines, "id", m.id) : undefined;
      var badge = m.status === "idle" ? "" : m.status;
      panel.appendChild(card("machine", m.id, m.state, badge, m.vars, was ? was.vars : undefined, m.inbox || [], was ? was.state : undefined, m.id === step.machine));
    });
    if (s.monitors && s.monitors.length > 0) {
      panel.appendChild(el("h3", "", "Monitors"));
      s.monitors.forEach(function (m) {
        var was = b ? find(b.monitors, "monitor", m.monitor) : undefined;
        panel.appendChild(card("monitor", m.monitor, m.state, "", m.vars, was ? was.vars : undefined, null, was ? was.state : undefined, false));
      });
    }
  }

  groups.forEach(function (g) {
    var i = Number(g.getAttribute("data-index"));
    g.addEventListener("click", function () { show(i); });
    g.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); show(i); }
    });
  });
  document.addEventListener("keydown", function (e) {
    var next = e.key === "ArrowDown" || e.key === "j" ? current + 1 : e.key === "ArrowUp" || e.key === "k" ? current - 1 : 0;
    if (next >= 1 && next <= data.steps.length) { e.preventDefault(); show(next); groups[next - 1].focus({ preventScroll: true }); }
  });
  var m = /^#step-(\d+)$/.exec(location.hash);
  show(m ? Number(m[1]) : data.steps.length);
})();
`;
