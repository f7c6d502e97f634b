// The transcript under the lesson video: tapping a line seeks the video there, and the
// line being spoken is highlighted (and kept in view while the video plays).
(function () {
  "use strict";
  var box = document.querySelector("[data-transcript]");
  var video = document.querySelector("[data-lesson-player] video");
  if (!box || !video) return;
  var lines = Array.prototype.slice.call(box.querySelectorAll("[data-start]"));
  var current = null;

  lines.forEach(function (line) {
    line.addEventListener("click", function () {
      var start = parseFloat(line.dataset.start) || 0;
      var player = document.querySelector("[data-lesson-player]");
      // The source may still have to be attached (hls.js comes with the first play).
      var ready = player && player.lernwerkReady ? player.lernwerkReady() : Promise.resolve();
      ready.then(function () {
        video.currentTime = start;
        if (video.paused) return video.play();
      }).catch(function () { /* needs a tap on the video */ });
    });
  });

  function highlight() {
    var now = video.currentTime;
    var found = null;
    for (var i = 0; i < lines.length; i++) {
      var start = parseFloat(lines[i].dataset.start);
      var end = parseFloat(lines[i].dataset.end);
      if (now >= start && now < end) found = lines[i];
    }
    if (found === current) return;
    if (current) {
      current.classList.remove("current");
      current.removeAttribute("aria-current");
    }
    current = found;
    if (current) {
      current.classList.add("current");
      current.setAttribute("aria-current", "true");
      if (!video.paused && current.scrollIntoView) current.scrollIntoView({ block: "nearest" });
    }
  }

  video.addEventListener("timeupdate", highlight);
  video.addEventListener("seeked", highlight);
})();
