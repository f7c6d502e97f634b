// The projector: shows the pairing code until a trainer confirms it, claims the room's
// secret (an HttpOnly cookie), then shows what the room's state says. The server holds
// the truth: a state with a new `seq` is applied whole (lesson, position, play/pause,
// subtitles), so after a reconnect or reload the screen shows the current lesson, never
// an old one. Playback starts at the top rung: hls.js (only where the browser has no HLS
// of its own) with startLevel = top; native HLS gets a playlist of the top rung alone.
(function () {
  "use strict";
  var root = document.querySelector("[data-room]");
  if (!root) return;
  var $ = function (sel) { return root.querySelector(sel); };
  var video = $("[data-video]");
  var overlay = $("[data-subtitles]");
  var screens = {
    pairing: $("[data-screen=pairing]"),
    idle: $("[data-screen=idle]"),
    player: $("[data-screen=player]")
  };
  var startButton = $("[data-start]");
  var nativeHls = video.canPlayType("application/vnd.apple.mpegurl") !== "";
  var hlsReady = null;   // a promise of the Hls class, once loaded
  var hls = null;
  var loadedVideo = null; // id of the video whose source is set
  var applied = { seq: 0, lessonId: null, phase: null };
  var subtitles = { on: false, lang: null };
  var activeTrack = null;
  var codeTimer = null;
  // For people reviewing the room (and its browser test): when each state was applied.
  window.lernwerkRoom = { applied: [], player: nativeHls ? "native" : "hls.js" };
  root.dataset.player = window.lernwerkRoom.player;

  function now() { return performance.timeOrigin + performance.now(); }

  function show(name) {
    Object.keys(screens).forEach(function (key) { screens[key].hidden = key !== name; });
    root.dataset.screen = name;
  }

  function setConnection(text) { $("[data-connection]").textContent = text; }

  // --- pairing --------------------------------------------------------------------
  function showCode(code, seconds) {
    show("pairing");
    root.dataset.phase = "pairing";
    $("[data-code]").textContent = code;
    var qr = $("[data-qr]");
    qr.src = qr.dataset.src + encodeURIComponent(code);
    $("[data-qr-figure]").hidden = false;
    var until = Date.now() + seconds * 1000;
    clearInterval(codeTimer);
    var tick = function () {
      var left = Math.max(0, Math.round((until - Date.now()) / 1000));
      var clock = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      $("[data-renews]").textContent = root.dataset.tRenews.replace("%TIME%", clock);
    };
    tick();
    codeTimer = setInterval(tick, 1000);
  }

  function claim(token) {
    clearInterval(codeTimer);
    fetch(root.dataset.claim, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ claim: token }),
      credentials: "same-origin"
    }).then(function () { socket.reconnect(); }, function () { socket.reconnect(); });
  }

  // --- playback -------------------------------------------------------------------
  function loadHlsJs() {
    if (!hlsReady) {
      hlsReady = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root.dataset.hlsJs;
        script.onload = function () { resolve(window.Hls); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return hlsReady;
  }

  function unload() {
    if (hls) { hls.destroy(); hls = null; }
    video.pause();
    video.removeAttribute("src");
    Array.prototype.slice.call(video.querySelectorAll("track")).forEach(function (t) { t.remove(); });
    activeTrack = null;
    overlay.textContent = "";
    video.load();
    loadedVideo = null;
  }

  // Sets the source of `lesson` and resolves once the video can be positioned.
  function load(lesson, startAt) {
    unload();
    loadedVideo = lesson.video_id;
    lesson.tracks.forEach(function (t) {
      var track = document.createElement("track");
      track.kind = "subtitles";
      track.src = t.url;
      track.srclang = t.lang;
      track.label = t.label;
      track.dataset.rtl = t.rtl ? "1" : "";
      video.appendChild(track);
    });
    if (nativeHls || !window.MediaSource) {
      video.src = lesson.native_hls;
      if (startAt > 0) {
        video.addEventListener("loadedmetadata", function () { video.currentTime = startAt; }, { once: true });
      }
      return Promise.resolve();
    }
    return loadHlsJs().then(function (Hls) {
      if (loadedVideo !== lesson.video_id) return;
      hls = new Hls({
        autoStartLoad: false,
        capLevelToPlayerSize: false,
        // A LAN: assume it is fast until measured, so ABR does not step down at once.
        abrEwmaDefaultEstimate: 20000000,
        enableWebVTT: false,
        subtitleDisplay: false,
        // Our CSP allows no blob: workers; fMP4 needs no transmuxing worker anyway.
        enableWorker: false
      });
      hls.on(Hls.Events.MANIFEST_PARSED, function () {
        var top = 0;
        hls.levels.forEach(function (level, i) {
          var best = hls.levels[top];
          if ((level.height || 0) > (best.height || 0) ||
              ((level.height || 0) === (best.height || 0) && level.bitrate > best.bitrate)) top = i;
        });
        hls.startLevel = top;
        hls.startLoad(startAt > 0 ? startAt : -1);
        root.dataset.startLevel = String(hls.levels[top].height || "");
      });
      hls.loadSource(lesson.hls);
      hls.attachMedia(video);
    });
  }

  function play() {
    var started = video.play();
    if (started && started.catch) {
      started.then(function () {
        if (!startButton.hidden) { startButton.hidden = true; socket.send({ type: "autoplay", blocked: false }); }
      }, function (error) {
        if (error && error.name === "NotAllowedError") {
          startButton.hidden = false;
          socket.send({ type: "autoplay", blocked: true });
        }
      });
    }
  }

  function fullScreen() {
    var page = document.documentElement;
    if (!document.fullscreenElement && page.requestFullscreen) page.requestFullscreen().catch(function () {});
  }

  // The one click a browser may ask for before sound plays also takes the screen.
  startButton.addEventListener("click", function () {
    startButton.hidden = true;
    socket.send({ type: "autoplay", blocked: false });
    fullScreen();
    if (applied.phase === "playing") video.play();
  });

  $("[data-fullscreen]").addEventListener("click", function () {
    if (document.fullscreenElement) document.exitFullscreen();
    else fullScreen();
  });

  // --- subtitles: our own large overlay, fed by a hidden text track -----------------
  function cueText(cue) { return (cue.text || "").replace(/<[^>]*>/g, ""); }

  function renderCues() {
    if (!activeTrack || !subtitles.on) { overlay.textContent = ""; return; }
    var cues = activeTrack.activeCues || [];
    overlay.textContent = Array.prototype.map.call(cues, cueText).join("\n");
  }

  function applySubtitles(state) {
    subtitles = state.subtitles;
    overlay.className = "room-subtitles size-" + state.subtitles.size;
    overlay.hidden = !state.subtitles.on;
    var elements = Array.prototype.slice.call(video.querySelectorAll("track"));
    var chosen = null;
    elements.forEach(function (element) {
      var mine = state.subtitles.lang === element.srclang;
      element.track.mode = mine ? "hidden" : "disabled";
      if (mine) chosen = element;
    });
    if (activeTrack) activeTrack.oncuechange = null;
    activeTrack = chosen ? chosen.track : null;
    if (chosen) {
      overlay.lang = chosen.srclang;
      overlay.dir = chosen.dataset.rtl ? "rtl" : "ltr";
      activeTrack.oncuechange = renderCues;
    }
    root.dataset.subtitleState = state.subtitles.on ? (state.subtitles.lang || "") : "off";
    renderCues();
  }

  // --- the room's state -----------------------------------------------------------
  function showTitles(lesson, hint) {
    $("[data-course-title]").textContent = lesson ? lesson.course_title : "";
    $("[data-lesson-title]").textContent = lesson ? lesson.lesson_title : "";
    $("[data-idle-hint]").textContent = hint;
    show("idle");
  }

  function apply(state) {
    if (state.seq === applied.seq) return;
    var lesson = state.lesson;
    var ready = Promise.resolve();
    if (!lesson) {
      if (loadedVideo !== null) unload();
    } else if (loadedVideo !== lesson.video_id) {
      ready = load(lesson, state.position);
    }
    applied = { seq: state.seq, lessonId: lesson ? lesson.lesson_id : null, phase: state.phase };
    root.dataset.seq = String(state.seq);
    root.dataset.phase = state.phase;
    root.dataset.lesson = lesson ? String(lesson.lesson_id) : "";
    ready.then(function () {
      if (applied.seq !== state.seq) return; // a newer state came meanwhile
      applySubtitles(state);
      var far = Math.abs((video.currentTime || 0) - state.position) > 1;
      if (state.phase === "playing" || state.phase === "paused") {
        if (far && video.readyState > 0) video.currentTime = state.position;
        $("[data-paused-mark]").hidden = state.phase !== "paused";
        show("player");
        if (state.phase === "playing") play(); else video.pause();
      } else {
        video.pause();
        if (state.phase === "ready" && far && video.readyState > 0) video.currentTime = 0;
        showTitles(lesson, state.phase === "ended" ? root.dataset.tEnded : root.dataset.tIdle);
      }
      window.lernwerkRoom.applied.push({ seq: state.seq, phase: state.phase, lesson: applied.lessonId, at: now() });
    });
  }

  function report() {
    if (applied.lessonId === null || applied.phase !== "playing") return;
    socket.send({ type: "position", lesson_id: applied.lessonId, seq: applied.seq, position: video.currentTime || 0 });
  }
  setInterval(report, 1000);
  video.addEventListener("pause", report);
  video.addEventListener("seeked", report);
  video.addEventListener("ended", function () {
    if (applied.lessonId === null) return;
    socket.send({ type: "ended", lesson_id: applied.lessonId, seq: applied.seq });
  });

  var socket = window.LernwerkRoomSocket(root.dataset.socket, {
    status: function (status) {
      root.dataset.connection = status;
      setConnection(status === "lost" ? root.dataset.tReconnecting : "");
    },
    message: function (message) {
      switch (message.type) {
        case "code": applied = { seq: 0, lessonId: null, phase: null }; if (loadedVideo !== null) unload(); showCode(message.code, message.seconds); break;
        case "paired": claim(message.claim); break;
        case "state": apply(message); break;
        case "closed": applied = { seq: 0, lessonId: null, phase: null }; unload(); socket.reconnect(); break;
        default: break;
      }
    }
  });
})();
