// The lesson player: picks a source the browser can play, resumes where the learner
// stopped, and reports what was really played (intervals of video time) every 10 s, on
// pause, after a seek and when the page is hidden. The server merges the intervals, so a
// report that arrives twice does no harm.
//
// Which source, in this order:
// 1. The lesson is saved for offline (learner-offline.js): its MP4 from the phone, through
//    the service worker. Costs no data, works without a connection.
// 2. Native HLS, where `canPlayType` answers for HLS: Safari, Android browsers and recent
//    desktop Chromium (156 answers "maybe" and plays our fMP4 ladder with its separate
//    audio). No script steers a native player, so the data saver is the server's: the
//    learner's master playlist lists only what their choice allows.
// 3. Media Source Extensions: hls.js from our own origin, fetched only when the learner
//    first presses play (it is not part of the page's bytes), capped once more to the
//    data saver's height and to the size of the player.
// 4. Neither: the progressive MP4.
//
// Offline: a report that cannot be sent (no connection) goes into the phone's queue
// (learner-offline.js) with the wall-clock stretch it was played in, and is sent later
// to the offline endpoint, where the server judges it against that stretch.
(function () {
  "use strict";
  var box = document.querySelector("[data-lesson-player]");
  if (!box) return;
  var video = box.querySelector("video");
  var url = box.dataset.progressUrl;
  var csrf = box.dataset.csrf;
  var lesson = parseInt(box.dataset.lesson, 10);
  var note = document.querySelector("[data-progress-note]");
  var HLS_TYPE = "application/vnd.apple.mpegurl";

  var resume = parseFloat(box.dataset.resume) || 0;
  video.addEventListener("loadedmetadata", function () {
    if (resume > 0 && resume < video.duration && video.currentTime < 1) video.currentTime = resume;
  }, { once: true });

  // ---- The source ----

  function savedOffline() {
    var sw = navigator.serviceWorker;
    if (!window.caches || !sw || !sw.controller) return Promise.resolve(false);
    return window.caches.match(box.dataset.mp4).then(function (r) { return !!r; }, function () { return false; });
  }

  var how = savedOffline().then(function (saved) {
    if (saved) return "offline";
    if (video.canPlayType(HLS_TYPE)) return "native";
    if (window.MediaSource || window.ManagedMediaSource) return "hls.js";
    return "mp4";
  });

  function loadScript(src) {
    return new Promise(function (ok, fail) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = ok;
      script.onerror = fail;
      document.head.appendChild(script);
    });
  }

  function withHlsJs() {
    return loadScript(box.dataset.hlsjs).then(function () {
      var Hls = window.Hls;
      if (!Hls || !Hls.isSupported()) {
        video.src = box.dataset.mp4;
        return;
      }
      var low = box.dataset.dataSaver === "low";
      var cap = parseInt(box.dataset.maxHeight, 10) || 360;
      var hls = new Hls({
        // With "Wenig Daten" the cap below decides; otherwise the screen size does.
        // (Device pixels count: sized to CSS pixels, a 360 px phone got 240p, which looks
        // blurred; learners who want less choose "Wenig Daten".)
        capLevelToPlayerSize: !low,
        startPosition: resume > 0 ? resume : -1,
        // Subtitles come from the page's <track>s, the same for every source.
        enableWebVTT: false,
        enableIMSC1: false,
        enableCEA708Captions: false,
        // Our fMP4 needs no transmuxing; a worker would have to come from a blob: URL,
        // which the CSP (rightly) refuses.
        enableWorker: false,
        // Enough ahead for a bumpy connection, little wasted when the learner stops.
        maxBufferLength: 20,
        backBufferLength: 30
      });
      hls.on(Hls.Events.MANIFEST_PARSED, function () {
        if (!low) return;
        var highest = -1;
        hls.levels.forEach(function (level, i) {
          if (!level.height || level.height <= cap) highest = i;
        });
        if (highest >= 0) hls.autoLevelCapping = highest;
      });
      var recovered = false;
      hls.on(Hls.Events.ERROR, function (event, data) {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
          hls.startLoad();
        } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
          recovered = true;
          hls.recoverMediaError();
        } else {
          hls.destroy();
          video.src = box.dataset.mp4;
        }
      });
      box.lernwerkHls = hls;
      return new Promise(function (ok) {
        hls.once(Hls.Events.MEDIA_ATTACHED, ok);
        hls.loadSource(box.dataset.hls);
        hls.attachMedia(video);
      });
    });
  }

  var attached = null;
  // Attaches the source (once); the controls wait for it before playing.
  box.lernwerkReady = function () {
    if (!attached) {
      attached = how.then(function (kind) {
        box.dataset.source = kind;
        if (kind === "hls.js") return withHlsJs();
        video.src = kind === "native" ? box.dataset.hls : box.dataset.mp4;
      });
    }
    return attached;
  };
  // hls.js waits for the first press of play; the others cost nothing before it
  // (preload="none").
  how.then(function (kind) {
    box.dataset.player = kind;
    if (kind !== "hls.js") box.lernwerkReady();
  });

  // ---- Reporting what was played ----

  var pending = [];   // closed intervals not yet sent
  var open = null;    // the interval being played now
  var lastTime = null;
  var windowStart = Date.now(); // wall clock since the last report was cut

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
      openEnd: openEnd,
      from: windowStart,
      until: Date.now()
    };
  }

  function sent(report, data) {
    pending = pending.slice(report.pendingCount);
    // The open interval continues from where the report cut it, if it is still the same.
    if (open && report.openEnd !== null && open.start === report.openStart) open.start = report.openEnd;
    windowStart = report.until;
    if (data && data.video_complete && note) note.hidden = false;
  }

  // Into the phone's queue, for later; false when there is no queue (then the next
  // report carries it, as before).
  function queue(report) {
    var offline = window.lernwerkOffline;
    if (!offline || !offline.available || report.payload.intervals.length === 0) return false;
    offline.queue({
      lesson: lesson,
      intervals: report.payload.intervals,
      position: report.payload.position,
      rate: report.payload.rate,
      from: report.from,
      until: report.until
    });
    sent(report, null);
    return true;
  }

  function offlineNow() {
    return navigator.onLine === false;
  }

  function report() {
    if (!url) return; // a trainer's preview records nothing
    var current = body();
    if (current.payload.intervals.length === 0 && video.paused) return;
    // Known to be offline: into the queue (or kept, without one); no request in vain.
    if (offlineNow()) { queue(current); return; }
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
    }).catch(function () {
      // No connection: queued with its stretch of time, or kept for the next report.
      queue(current);
    });
  }

  function beacon() {
    if (!url) return;
    var current = body();
    if (current.payload.intervals.length === 0) return;
    if (offlineNow()) { queue(current); return; }
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
