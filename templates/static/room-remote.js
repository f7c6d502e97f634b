// The trainer's remote: choices from the catalog (their courses and groups), commands
// over the room's socket, and the room's state shown as it comes back. Every command is
// checked again on the server; its refusals arrive as translated messages.
(function () {
  "use strict";
  var root = document.querySelector("[data-remote]");
  if (!root) return;
  var $ = function (sel) { return root.querySelector(sel); };
  var t = root.dataset;
  var catalog = { courses: [], groups: [] };
  var state = null;
  var errorTimer = null;
  // For people reviewing the room (and its browser test): when each command was sent.
  window.lernwerkRemote = { sent: [] };

  function option(value, text, disabled) {
    var o = document.createElement("option");
    o.value = String(value);
    o.textContent = text;
    o.dir = "auto"; // titles keep their own direction in a right-to-left page
    o.disabled = !!disabled;
    return o;
  }

  function fill(select, items, make) {
    var keep = select.value;
    select.replaceChildren.apply(select, items.map(make));
    if (items.some(function (item) { return String(item.id) === keep; })) select.value = keep;
  }

  function chosen(list, select) {
    return list.find(function (item) { return String(item.id) === select.value; }) || list[0] || null;
  }

  // --- choosing a lesson ----------------------------------------------------------
  function fillModules() {
    var course = chosen(catalog.courses, $("[data-pick-course]"));
    fill($("[data-pick-module]"), course ? course.modules : [], function (m) { return option(m.id, m.title); });
    fillLessons();
  }

  function fillLessons() {
    var course = chosen(catalog.courses, $("[data-pick-course]"));
    var module = course ? chosen(course.modules, $("[data-pick-module]")) : null;
    fill($("[data-pick-lesson]"), module ? module.lessons : [], function (l) {
      return option(l.id, l.ready ? l.title : l.title + " " + t.tNotReady, !l.ready);
    });
  }

  function fillMembers() {
    var group = chosen(catalog.groups, $("[data-pick-group]"));
    var box = $("[data-members]");
    var legend = box.querySelector("legend");
    box.replaceChildren(legend);
    var members = group ? group.members : [];
    if (members.length === 0) {
      var none = document.createElement("p");
      none.textContent = t.tNoMembers;
      box.appendChild(none);
    }
    members.forEach(function (m) {
      var label = document.createElement("label");
      var box2 = document.createElement("input");
      box2.type = "checkbox";
      box2.value = String(m.id);
      box2.dataset.member = "";
      var name = document.createElement("bdi");
      name.textContent = m.nickname || t.tLearner.replace("%N%", m.id);
      label.append(box2, " ", name);
      box.appendChild(label);
    });
  }

  $("[data-pick-course]").addEventListener("change", fillModules);
  $("[data-pick-module]").addEventListener("change", fillLessons);
  $("[data-pick-group]").addEventListener("change", fillMembers);

  fetch(t.catalog, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      if (!data) return;
      catalog = data;
      fill($("[data-pick-course]"), catalog.courses, function (c) { return option(c.id, c.title); });
      fill($("[data-pick-group]"), catalog.groups, function (g) { return option(g.id, g.name); });
      fillModules();
      fillMembers();
      root.dataset.catalogState = "loaded";
    });

  // --- commands -------------------------------------------------------------------
  function send(message) {
    window.lernwerkRemote.sent.push({ type: message.type, at: performance.timeOrigin + performance.now() });
    if (!socket.send(message)) showError(t.tReconnecting);
  }

  Array.prototype.forEach.call(root.querySelectorAll("[data-command]"), function (button) {
    button.addEventListener("click", function () { send({ type: button.dataset.command }); });
  });
  $("[data-show]").addEventListener("click", function () {
    var id = parseInt($("[data-pick-lesson]").value, 10);
    if (id) send({ type: "choose", lesson_id: id });
  });
  $("[data-subs-toggle]").addEventListener("click", function () {
    send({ type: "subtitles", on: !(state && state.subtitles.on) });
  });
  $("[data-subs-lang]").addEventListener("change", function (event) {
    send({ type: "subtitles", lang: event.target.value });
  });
  Array.prototype.forEach.call(root.querySelectorAll("[data-subs-size]"), function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) send({ type: "subtitles", size: radio.value }); });
  });
  $("[data-present]").addEventListener("click", function () {
    var group = parseInt($("[data-pick-group]").value, 10) || 0;
    var ids = Array.prototype.map.call(root.querySelectorAll("[data-member]:checked"), function (box) {
      return parseInt(box.value, 10);
    });
    send({ type: "present", group_id: group, learner_ids: ids });
  });

  function showError(text) {
    var box = $("[data-error]");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(function () { box.hidden = true; }, 8000);
  }

  // --- the room's state -----------------------------------------------------------
  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function render(s) {
    state = s;
    root.dataset.phase = s.phase;
    root.dataset.seq = String(s.seq);
    var lesson = s.lesson;
    $("[data-now-course]").textContent = lesson ? lesson.course_title + " · " + lesson.module_title : "";
    $("[data-now-lesson]").textContent = lesson ? lesson.lesson_title : t.tNothing;
    $("[data-now-time]").textContent = lesson
      ? clock(s.position) + " / " + clock(lesson.duration) + (s.phase === "ended" ? " · " + t.tEnded : "")
      : "";
    var playing = s.phase === "playing";
    var playButton = root.querySelector("[data-command=play]");
    var pauseButton = root.querySelector("[data-command=pause]");
    var hadFocus = document.activeElement === playButton || document.activeElement === pauseButton;
    playButton.hidden = playing;
    pauseButton.hidden = !playing;
    // Play and pause share one place: keyboard focus moves to the one now shown.
    if (hadFocus) (playing ? pauseButton : playButton).focus();
    $("[data-autoplay-note]").hidden = !s.autoplay_blocked;
    setStatus(s.projector_connected ? t.tConnected : t.tProjectorOffline);

    var tracks = lesson ? lesson.tracks : [];
    $("[data-subs-none]").hidden = tracks.length > 0;
    $("[data-subs-controls]").hidden = tracks.length === 0;
    var langSelect = $("[data-subs-lang]");
    langSelect.replaceChildren.apply(langSelect, tracks.map(function (track) {
      var o = option(track.lang, track.label);
      o.lang = track.lang;
      return o;
    }));
    if (s.subtitles.lang) langSelect.value = s.subtitles.lang;
    var toggle = $("[data-subs-toggle]");
    toggle.setAttribute("aria-pressed", s.subtitles.on ? "true" : "false");
    toggle.querySelector("[data-subs-label]").textContent = s.subtitles.on ? t.tSubsOn : t.tSubsOff;
    Array.prototype.forEach.call(root.querySelectorAll("[data-subs-size]"), function (radio) {
      radio.checked = radio.value === s.subtitles.size;
    });
    $("[data-played]").textContent = s.played.length
      ? s.played.map(function (p) { return p.title; }).join(", ")
      : t.tPlayedNone;
  }

  function setStatus(text) { $("[data-status]").textContent = text; }

  var socket = window.LernwerkRoomSocket(t.socket, {
    status: function (status) {
      root.dataset.connection = status;
      if (status !== "open") setStatus(status === "lost" ? t.tReconnecting : t.tConnecting);
    },
    message: function (message) {
      switch (message.type) {
        case "state": render(message); break;
        case "error": showError(message.message); break;
        case "credited": $("[data-present-result]").textContent = message.message; break;
        case "closed": setStatus(t.tClosed); socket.stop(); break;
        default: break;
      }
    }
  });
})();
