// Our own video controls on the lesson page: a big play/pause, back 10 s, subtitles on/off
// and their language, speed 0.75× / 1× / 1.25×. All are real buttons and a select, so
// keyboard and screen readers work as with any form; the words come from the page
// (translated there). The browser's own controls stay on when this script does not run.
(function () {
  "use strict";
  var box = document.querySelector("[data-lesson-player]");
  var bar = box && box.querySelector("[data-player-controls]");
  if (!bar) return;
  var video = box.querySelector("video");
  var playButton = bar.querySelector("[data-player-play]");
  var playLabel = bar.querySelector("[data-player-play-label]");
  var playIcon = playButton.querySelector("use");
  var back = bar.querySelector("[data-player-back]");
  var subsButton = bar.querySelector("[data-player-subs]");
  var subsSelect = bar.querySelector("[data-player-subs-lang]");
  var rateButtons = Array.prototype.slice.call(bar.querySelectorAll("[data-player-rate]"));
  var timeText = bar.querySelector("[data-player-time]");
  var progress = bar.querySelector("[data-player-progress]");
  var knownDuration = parseFloat(box.dataset.duration) || 0;

  video.removeAttribute("controls");
  bar.hidden = false;

  // The source may still have to be attached (hls.js is fetched on the first play only).
  function ready() {
    return typeof box.lernwerkReady === "function" ? box.lernwerkReady() : Promise.resolve();
  }

  function toggle() {
    if (video.paused || video.ended) {
      ready().then(function () { return video.play(); }).catch(function () { /* shown by the state */ });
    } else {
      video.pause();
    }
  }

  function showPlaying() {
    var playing = !video.paused && !video.ended;
    playLabel.textContent = playing ? bar.dataset.labelPause : bar.dataset.labelPlay;
    if (playIcon) playIcon.setAttribute("href", playing ? bar.dataset.iconPause : bar.dataset.iconPlay);
    box.classList.toggle("is-playing", playing);
  }

  playButton.addEventListener("click", toggle);
  video.addEventListener("click", toggle);
  ["play", "playing", "pause", "ended"].forEach(function (name) { video.addEventListener(name, showPlaying); });

  back.addEventListener("click", function () {
    video.currentTime = Math.max(0, (video.currentTime || 0) - 10);
  });

  // Speed: the choice survives a source change (loading resets playbackRate).
  function setRate(rate) {
    video.defaultPlaybackRate = rate;
    video.playbackRate = rate;
  }
  rateButtons.forEach(function (button) {
    button.addEventListener("click", function () { setRate(parseFloat(button.dataset.playerRate)); });
  });
  video.addEventListener("ratechange", function () {
    rateButtons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(parseFloat(button.dataset.playerRate) === video.playbackRate));
    });
  });
  video.addEventListener("loadedmetadata", function () {
    if (video.playbackRate !== video.defaultPlaybackRate) video.playbackRate = video.defaultPlaybackRate;
  });

  // Subtitles: only the page's own <track>s. Tracks a player makes from the playlist
  // would show the same words twice, so they stay off.
  var trackElements = Array.prototype.slice.call(video.querySelectorAll("track"));
  var chosen = null;
  var lastLanguage = null;
  trackElements.forEach(function (el) {
    if (el.default && chosen === null) chosen = el.srclang;
  });
  lastLanguage = chosen || (trackElements[0] ? trackElements[0].srclang : null);

  function isOurs(track) {
    return trackElements.some(function (el) { return el.track === track; });
  }

  function applySubtitles() {
    trackElements.forEach(function (el) {
      el.track.mode = chosen !== null && el.srclang === chosen ? "showing" : "disabled";
    });
    for (var i = 0; i < video.textTracks.length; i++) {
      if (!isOurs(video.textTracks[i])) video.textTracks[i].mode = "disabled";
    }
    if (subsButton) subsButton.setAttribute("aria-pressed", String(chosen !== null));
    if (subsSelect && chosen !== null) subsSelect.value = chosen;
    box.dataset.subtitles = chosen === null ? "off" : chosen;
  }

  if (subsButton) {
    subsButton.addEventListener("click", function () {
      chosen = chosen === null ? (subsSelect ? subsSelect.value : lastLanguage) : null;
      if (chosen !== null) lastLanguage = chosen;
      applySubtitles();
    });
  }
  if (subsSelect) {
    subsSelect.addEventListener("change", function () {
      chosen = subsSelect.value;
      lastLanguage = chosen;
      applySubtitles();
    });
  }
  if (video.textTracks && video.textTracks.addEventListener) {
    video.textTracks.addEventListener("addtrack", applySubtitles);
  }
  applySubtitles();

  // Time and how far: "0:12 / 0:28".
  function clock(seconds) {
    var total = Math.max(0, Math.floor(seconds || 0));
    var s = total % 60;
    return Math.floor(total / 60) + ":" + (s < 10 ? "0" : "") + s;
  }
  function showTime() {
    var duration = isFinite(video.duration) && video.duration > 0 ? video.duration : knownDuration;
    timeText.textContent = clock(video.currentTime) + " / " + clock(duration);
    progress.value = duration > 0 ? Math.round(1000 * Math.min(1, video.currentTime / duration)) : 0;
  }
  ["timeupdate", "seeked", "durationchange", "loadedmetadata"].forEach(function (name) {
    video.addEventListener(name, showTime);
  });
  showTime();
  showPlaying();
})();
