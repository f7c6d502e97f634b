// The lesson player: picks a source the browser can play, resumes where the learner
// stopped, and reports what was really played (intervals of video time) every 10 s, on
// pause, after a seek and when the page is hidden. The server merges the intervals, so a
// report that arrives twice does no harm.
(function () {
  "use strict";
  var box = document.querySelector("[data-lesson-player]");
  if (!box) return;
  var video = box.querySelector("video");
  var url = box.dataset.progressUrl;
  var csrf = box.dataset.csrf;
  var note = document.querySelector("[data-progress-note]");

  // Native HLS (Safari, most Android browsers); otherwise the progressive MP4 for now.
  video.src = video.canPlayType("application/vnd.apple.mpegurl") ? box.dataset.hls : box.dataset.mp4;

  var resume = parseFloat(box.dataset.resume) || 0;
  video.addEventListener("loadedmetadata", function () {
    if (resume > 0 && resume < video.duration) video.currentTime = resume;
  }, { once: true });

  var pending = [];   // closed intervals not yet sent
  var open = null;    // the interval being played now
  var lastTime = null;

  function closeInterval() {
    if (open && open.end > open.start) pending.push(open);
    open = null;
    lastTime = null;
  }

  video.addEventListener("timeupdate", function () {
    if (video.paused || video.seeking) return;
    var now = video.currentTime;
    // A jump larger than playback could make is a seek: start a new interval.
    if (open && lastTime !== null && now >= lastTime && now - lastTime < 2 * video.playbackRate + 0.5) {
      open.end = now;
    } else {
      closeInterval();
      open = { start: now, end: now };
    }
    lastTime = now;
  });

  // A report remembers what it carried, so that only that is forgotten once it is
  // answered: playback and seeks during the request go out with the next one.
  function body() {
    var intervals = pending.slice();
    var openEnd = open ? open.end : null;
    if (open && open.end > open.start) intervals.push({ start: open.start, end: open.end });
    return {
      payload: {
        csrf: csrf,
        intervals: intervals,
        position: video.currentTime || 0,
        rate: video.playbackRate || 1
      },
      pendingCount: pending.length,
      openStart: open ? open.start : null,
      openEnd: openEnd
    };
  }

  function sent(report, data) {
    pending = pending.slice(report.pendingCount);
    // The open interval continues from where the report cut it, if it is still the same.
    if (open && report.openEnd !== null && open.start === report.openStart) open.start = report.openEnd;
    if (data && data.video_complete && note) note.hidden = false;
  }

  function report() {
    if (!url) return; // a trainer's preview records nothing
    var current = body();
    if (current.payload.intervals.length === 0 && video.paused) return;
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(current.payload),
      credentials: "same-origin"
    }).then(function (r) {
      // Refused (4xx) means this report will never be taken: drop it rather than resend
      // it forever. Server trouble (5xx) keeps it for the next try.
      if (r.status >= 400 && r.status < 500) { sent(current, null); return null; }
      return r.ok ? r.json() : null;
    }).then(function (data) {
      if (data) sent(current, data);
    }).catch(function () { /* kept: the next report carries it */ });
  }

  function beacon() {
    if (!url) return;
    var current = body();
    if (current.payload.intervals.length === 0) return;
    var blob = new Blob([JSON.stringify(current.payload)], { type: "application/json" });
    if (navigator.sendBeacon && navigator.sendBeacon(url, blob)) sent(current, null);
  }

  setInterval(function () { if (!video.paused) report(); }, 10000);
  video.addEventListener("pause", function () { closeInterval(); report(); });
  video.addEventListener("seeking", closeInterval);
  video.addEventListener("seeked", report);
  video.addEventListener("ended", function () {
    // The last timeupdate comes a moment before the end: the end itself was played.
    if (open && video.duration) open.end = video.duration;
    closeInterval();
    report();
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { closeInterval(); beacon(); }
  });
})();
