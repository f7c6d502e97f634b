// Live processing status on the trainer's video page, pushed by the server (SSE). When
// processing ends the page reloads to show the package or the reason, unless the trainer
// is busy with a form on it (a subtitle half chosen): then a link offers the reload.
(function () {
  "use strict";
  var box = document.querySelector("[data-events-url]");
  if (!box || !window.EventSource) return;
  var status = box.querySelector(".status-text");
  var stage = box.querySelector(".stage-text");
  var bar = box.querySelector("progress");
  var source = new EventSource(box.getAttribute("data-events-url"));
  var first = true;
  var touched = false;
  ["input", "change"].forEach(function (kind) {
    document.addEventListener(kind, function () { touched = true; }, true);
  });

  function busyWithAForm() {
    var focused = document.activeElement;
    return touched || !!(focused && focused.closest && focused.closest("form"));
  }

  source.onmessage = function (event) {
    var state = JSON.parse(event.data);
    var label = box.getAttribute("data-label-" + state.status);
    if (label && status) status.textContent = label;
    if (stage) stage.textContent = state.stage_label || "";
    if (bar) { bar.value = state.percent; bar.textContent = Math.round(state.percent) + " %"; }
    var finished = state.status === "ready" || state.status === "failed" || state.status === "cancelled";
    if (finished) {
      source.close();
      if (!first) {
        if (busyWithAForm()) box.querySelector("[data-reload]").hidden = false;
        else window.location.reload();
      }
    }
    first = false;
  };
})();
