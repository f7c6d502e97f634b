// Drag and drop for the course editor: lists marked data-reorder-url hold items with
// data-id; dropping an item sends the whole new order. Keyboard users have the up/down
// buttons next to each item, which work without this script.
(function () {
  "use strict";
  var csrf = document.querySelector("input[name=csrf_token]");
  document.querySelectorAll("[data-reorder-url]").forEach(function (list) {
    var dragged = null;
    var items = function () {
      return Array.prototype.filter.call(list.children, function (el) { return el.dataset.id; });
    };
    items().forEach(function (item) {
      item.draggable = true;
      item.classList.add("draggable");
      item.addEventListener("dragstart", function (e) {
        dragged = item;
        e.dataTransfer.effectAllowed = "move";
        item.classList.add("dragging");
        e.stopPropagation();
      });
      item.addEventListener("dragend", function () { item.classList.remove("dragging"); });
      item.addEventListener("dragover", function (e) {
        if (!dragged || dragged === item || dragged.parentNode !== list) return;
        e.preventDefault();
        var box = item.getBoundingClientRect();
        var after = e.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? item.nextSibling : item);
      });
      item.addEventListener("drop", function (e) {
        if (!dragged || dragged.parentNode !== list) return;
        e.preventDefault();
        e.stopPropagation();
        dragged = null;
        var order = items().map(function (el) { return el.dataset.id; }).join(",");
        var body = new URLSearchParams({ order: order, csrf_token: csrf ? csrf.value : "" });
        fetch(list.dataset.reorderUrl, { method: "POST", body: body, credentials: "same-origin" })
          .then(function () { window.location.reload(); }, function () { window.location.reload(); });
      });
    });
  });
})();
