// The sheet's print button: shown only where a script can press it for the trainer
// (without scripts, the browser's own print command does the same).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
