// Drill mode: tick a runbook's steps while practising. Ticks are kept in this browser's
// localStorage, per runbook and per version of its steps, and never change the plan.
(function () {
  "use strict";
  var runbook = document.querySelector("[data-runbook]");
  if (!runbook) { return; }
  var key = "cairn-drill:" + runbook.getAttribute("data-runbook") + ":" + runbook.getAttribute("data-version");
  var boxes = Array.prototype.slice.call(runbook.querySelectorAll("input.drill-step"));
  var panel = runbook.querySelector(".drill");
  var progress = runbook.querySelector(".drill-progress");
  var count = runbook.querySelector(".drill-count");

  function load() {
    try { return JSON.parse(window.localStorage.getItem(key) || "[]"); } catch (error) { return []; }
  }

  function save(ticked) {
    try { window.localStorage.setItem(key, JSON.stringify(ticked)); } catch (error) { /* storage off: ticks last this visit */ }
  }

  function update() {
    var ticked = boxes.filter(function (box) { return box.checked; })
      .map(function (box) { return box.getAttribute("data-step"); });
    save(ticked);
    progress.value = ticked.length;
    count.textContent = String(ticked.length);
    boxes.forEach(function (box) { box.closest("li").classList.toggle("practised", box.checked); });
  }

  var saved = load();
  boxes.forEach(function (box) {
    box.checked = saved.indexOf(box.getAttribute("data-step")) >= 0;
    box.addEventListener("change", update);
  });
  runbook.querySelector(".drill-reset").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    update();
  });
  panel.hidden = false;
  update();
}());
