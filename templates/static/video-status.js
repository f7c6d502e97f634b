// Live processing status on the trainer's video page, pushed by the server (SSE).
(function () {
  "use strict";
  var box = document.querySelector("[data-events-url]");
  if (!box || !window.EventSource) return;
  var status = box.querySelector(".status-text");
  var stage = box.querySelector(".stage-text");
  var bar = box.querySelector("progress");
  var source = new EventSource(box.getAttribute("data-events-url"));
  var first = true;
  source.onmessage = function (event) {
    var state = JSON.parse(event.data);
    var label = box.getAttribute("data-label-" + state.status);
    if (label && status) status.textContent = label;
    if (stage) stage.textContent = state.stage_label || "";
    if (bar) { bar.value = state.percent; bar.textContent = Math.round(state.percent) + " %"; }
    var finished = state.status === "ready" || state.status === "failed" || state.status === "cancelled";
    if (finished) {
      source.close();
      // The page shows the finished package or the reason: load it once.
      if (!first) window.location.reload();
    }
    first = false;
  };
})();
