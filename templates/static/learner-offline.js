// Offline on the learner's phone, on every learner page:
// - the queue of progress played without a connection (IndexedDB), sent to
//   /api/v1/progress/{lesson}/offline as soon as the phone is online (on this page's load,
//   on the "online" event, and every 30 s while anything waits);
// - "Für offline speichern" on a lesson: the page, its MP4, subtitles, poster and the
//   static files it needs go into Cache Storage; the service worker (/learn/sw.js) serves
//   them when there is no connection;
// - the list of saved lessons (/learn/offline) with their size, each one deletable.
// Everything is tagged with the learner's number: on a shared phone nobody sends, sees or
// plays someone else's.
(function () {
  "use strict";
  var me = document.currentScript;
  var learner = me ? parseInt(me.dataset.learner, 10) : NaN;
  var csrf = me ? me.dataset.csrf : "";
  if (!learner) return;
  var CACHE = "lernwerk-saved-v1";
  var META = "/learn/offline/saved/";
  var BATCH = 50;
  var hasQueue = !!window.indexedDB;
  var canSave = hasQueue && !!window.caches && "serviceWorker" in navigator;

  // ---- The progress queue ----

  function openDb() {
    return new Promise(function (ok, fail) {
      var request = window.indexedDB.open("lernwerk", 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore("progress", { keyPath: "id", autoIncrement: true });
      };
      request.onsuccess = function () { ok(request.result); };
      request.onerror = function () { fail(request.error); };
    });
  }

  function store(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (ok, fail) {
        var tx = db.transaction("progress", mode);
        var result = work(tx.objectStore("progress"));
        tx.oncomplete = function () { db.close(); ok(result && "result" in result ? result.result : undefined); };
        tx.onerror = tx.onabort = function () { db.close(); fail(tx.error); };
      });
    });
  }

  function queue(entry) {
    entry.learner = learner;
    return store("readwrite", function (s) { return s.add(entry); }).then(function () {
      if (navigator.onLine !== false) flush();
    });
  }

  function waiting() {
    return store("readonly", function (s) { return s.getAll(); }).then(function (all) {
      return (all || []).filter(function (e) { return e.learner === learner; });
    });
  }

  function forget(ids) {
    return store("readwrite", function (s) { ids.forEach(function (id) { s.delete(id); }); });
  }

  var flushing = null;
  function flush() {
    if (flushing || !hasQueue) return flushing || Promise.resolve();
    flushing = waiting().then(function (entries) {
      var byLesson = {};
      entries.forEach(function (e) { (byLesson[e.lesson] = byLesson[e.lesson] || []).push(e); });
      var chain = Promise.resolve(true);
      Object.keys(byLesson).forEach(function (lesson) {
        var list = byLesson[lesson].sort(function (a, b) { return a.from - b.from; });
        for (var i = 0; i < list.length; i += BATCH) {
          chain = chain.then(sendBatch.bind(null, lesson, list.slice(i, i + BATCH)));
        }
      });
      return chain;
    }).catch(function () { return false; }).then(function (done) {
      flushing = null;
      document.dispatchEvent(new CustomEvent("lernwerk:flushed"));
      return done;
    });
    return flushing;
  }

  // Resolves true to go on with the next batch, false to stop (and keep the rest).
  function sendBatch(lesson, entries, goOn) {
    if (!goOn) return false;
    var body = {
      csrf: csrf,
      sent_at: Date.now(),
      reports: entries.map(function (e) {
        return { intervals: e.intervals, position: e.position, rate: e.rate, from: e.from, until: e.until };
      })
    };
    return fetch("/api/v1/progress/" + lesson + "/offline", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      redirect: "manual"
    }).then(function (r) {
      var ids = entries.map(function (e) { return e.id; });
      // Answered (each report accepted or refused on its own), or the lesson is not
      // theirs any more: done with these. A stale token or session, or server trouble:
      // kept for a later page.
      if (r.ok || r.status === 404 || r.status === 400 || r.status === 413) return forget(ids).then(function () { return true; });
      return false;
    }, function () { return false; });
  }

  window.addEventListener("online", flush);
  setInterval(function () {
    if (navigator.onLine === false || !hasQueue) return;
    waiting().then(function (entries) {
      if (entries.length) flush();
    }).catch(function () { /* no storage: nothing queued */ });
  }, 30000);
  if (hasQueue && navigator.onLine !== false) flush();

  window.lernwerkOffline = { available: hasQueue, queue: queue, flush: flush, waiting: waiting };

  // ---- Saved lessons ----

  function megabytes(bytes) {
    var mb = Math.max(0.1, bytes / 1e6);
    var lang = document.documentElement.lang || "de";
    return new Intl.NumberFormat(lang === "ar" ? "ar-u-nu-latn" : lang, { maximumFractionDigits: mb < 10 ? 1 : 0, minimumFractionDigits: mb < 10 ? 1 : 0 }).format(mb);
  }

  // Opening a cache makes it: look first, so that nothing saved leaves nothing behind.
  function existing() {
    return window.caches.has(CACHE).then(function (has) { return has ? window.caches.open(CACHE) : null; });
  }

  function savedLessons() {
    return existing().then(function (cache) {
      if (!cache) return [];
      return cache.keys().then(function (keys) {
        var metas = keys.filter(function (k) { return new URL(k.url).pathname.indexOf(META) === 0; });
        return Promise.all(metas.map(function (k) { return cache.match(k).then(function (r) { return r.json(); }); }));
      });
    }).then(function (all) {
      return all.filter(function (m) { return m.learner === learner; });
    });
  }

  function savedLesson(lesson) {
    return existing().then(function (cache) {
      return cache ? cache.match(META + lesson) : null;
    }).then(function (r) { return r ? r.json() : null; }).then(function (m) {
      return m && m.learner === learner ? m : null;
    });
  }

  function register() {
    return navigator.serviceWorker.register("/learn/sw.js", { scope: "/learn" }).then(function () {
      return navigator.serviceWorker.ready;
    });
  }

  // The files a saved page needs besides its own media: styles, scripts, icons, the web
  // app manifest (not hls.js: a saved lesson plays its MP4).
  function pageFiles() {
    var urls = [];
    document.querySelectorAll("link[rel=stylesheet], link[rel=icon], link[rel=manifest], script[src]").forEach(function (el) {
      var u = el.href || el.src;
      if (u && u.indexOf("/static/vendor/") < 0) urls.push(new URL(u).pathname);
    });
    document.querySelectorAll("use").forEach(function (use) {
      var href = (use.getAttribute("href") || "").split("#")[0];
      if (href) urls.push(href);
    });
    return urls.filter(function (u, i) { return urls.indexOf(u) === i; });
  }

  function put(cache, path) {
    return fetch(path, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.clone().blob().then(function (blob) {
        return cache.put(path, r).then(function () { return blob.size; });
      });
    });
  }

  function save(box) {
    var player = document.querySelector("[data-lesson-player]");
    var video = player && player.querySelector("video");
    var lesson = parseInt(box.dataset.lesson, 10);
    var media = [location.pathname];
    if (player) media.push(player.dataset.mp4);
    if (video) {
      video.querySelectorAll("track").forEach(function (t) { media.push(new URL(t.src).pathname); });
      if (video.poster) media.push(new URL(video.poster).pathname);
    }
    return register().then(function () {
      return window.caches.open(CACHE);
    }).then(function (cache) {
      var shared = pageFiles().concat(["/learn", "/learn/offline"]);
      return Promise.all(media.map(function (u) { return put(cache, u); })).then(function (sizes) {
        return Promise.all(shared.map(function (u) { return put(cache, u).catch(function () { return 0; }); })).then(function () {
          var meta = {
            learner: learner,
            lesson: lesson,
            title: box.dataset.title,
            course: box.dataset.course,
            page: location.pathname,
            urls: media,
            bytes: sizes.reduce(function (a, b) { return a + b; }, 0),
            saved_at: new Date().toISOString()
          };
          var response = new Response(JSON.stringify(meta), { headers: { "Content-Type": "application/json" } });
          return cache.put(META + lesson, response).then(function () { return meta; });
        });
      });
    });
  }

  function remove(meta) {
    return window.caches.open(CACHE).then(function (cache) {
      return Promise.all(meta.urls.map(function (u) { return cache.delete(u); })).then(function () {
        return cache.delete(META + meta.lesson);
      });
    }).then(function () {
      return savedLessons();
    }).then(function (left) {
      // Nothing saved any more (by anyone on this phone): the shared files go too.
      if (left.length) return null;
      return existing().then(function (cache) {
        if (!cache) return null;
        return cache.keys().then(function (keys) {
          var anyMeta = keys.some(function (k) { return new URL(k.url).pathname.indexOf(META) === 0; });
          return anyMeta ? null : window.caches.delete(CACHE);
        });
      });
    });
  }

  function setUpSave(box) {
    var saveButton = box.querySelector("[data-offline-save-button]");
    var deleteButton = box.querySelector("[data-offline-delete]");
    var savedNote = box.querySelector("[data-offline-saved]");
    var size = box.querySelector("[data-offline-size]");
    var status = box.querySelector("[data-offline-status]");
    var lesson = parseInt(box.dataset.lesson, 10);
    var current = null;

    function show(meta) {
      current = meta;
      saveButton.hidden = !!meta;
      savedNote.hidden = !meta;
      deleteButton.hidden = !meta;
      if (meta) size.textContent = megabytes(meta.bytes) + " MB";
      box.dataset.saved = meta ? "yes" : "no";
    }

    saveButton.addEventListener("click", function () {
      saveButton.disabled = true;
      status.textContent = box.dataset.msgSaving;
      save(box).then(function (meta) {
        status.textContent = "";
        show(meta);
        deleteButton.focus();
      }, function () {
        status.textContent = box.dataset.msgFailed;
      }).then(function () { saveButton.disabled = false; });
    });
    deleteButton.addEventListener("click", function () {
      if (!current) return;
      remove(current).then(function () {
        show(null);
        status.textContent = box.dataset.msgDeleted;
        saveButton.focus();
      });
    });
    box.hidden = false;
    savedLesson(lesson).then(show, function () { show(null); });
  }

  function setUpList(list) {
    var items = list.querySelector("[data-offline-items]");
    var empty = list.querySelector("[data-offline-empty]");
    var total = list.querySelector("[data-offline-total]");
    var status = list.querySelector("[data-offline-status]");
    var row = document.querySelector("template[data-offline-row]");
    var offlineNote = document.querySelector("[data-offline-note]");
    if (offlineNote) {
      var showNetwork = function () { offlineNote.hidden = navigator.onLine !== false; };
      window.addEventListener("online", showNetwork);
      window.addEventListener("offline", showNetwork);
      showNetwork();
    }
    if (!canSave) {
      empty.textContent = list.dataset.msgUnsupported;
      return;
    }
    function render() {
      return savedLessons().then(function (all) {
        items.textContent = "";
        all.sort(function (a, b) { return a.saved_at < b.saved_at ? 1 : -1; });
        all.forEach(function (meta) {
          var li = row.content.firstElementChild.cloneNode(true);
          var titleId = "saved-" + meta.lesson;
          li.querySelector("a").href = meta.page;
          li.querySelector("[data-title]").textContent = meta.title;
          li.querySelector("[data-title]").id = titleId;
          li.querySelector("[data-size]").textContent = megabytes(meta.bytes) + " MB";
          var del = li.querySelector("[data-delete]");
          del.setAttribute("aria-describedby", titleId);
          del.addEventListener("click", function () {
            remove(meta).then(render).then(function () { status.textContent = list.dataset.msgDeleted; });
          });
          items.appendChild(li);
        });
        empty.hidden = all.length > 0;
        var bytes = all.reduce(function (sum, m) { return sum + m.bytes; }, 0);
        total.textContent = all.length ? list.dataset.msgTotal.replace("{mb}", megabytes(bytes)) : "";
        list.dataset.count = String(all.length);
      });
    }
    render();
  }

  var saveBox = document.querySelector("[data-offline-save]");
  if (saveBox && canSave) setUpSave(saveBox);
  var list = document.querySelector("[data-offline-list]");
  if (list) setUpList(list);
})();
