// Resumable uploads on the trainer's videos page, with tus-js-client: progress with
// percent, speed and time left, pause and continue, automatic retries with backoff,
// and continuing after a lost connection or a page reload (the browser remembers each
// upload's URL by the file's fingerprint). Without JavaScript the form posts as before.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.tus || !window.tus.isSupported) return;

  var text = form.dataset;
  var fileInput = form.querySelector("input[type=file]");
  var titleInput = form.querySelector("#title");
  var csrf = form.querySelector("input[name=csrf_token]").value;
  var box = document.getElementById("upload-status");
  var bar = box.querySelector("progress");
  var line = box.querySelector(".upload-line");
  var state = box.querySelector(".upload-state");
  var pauseButton = box.querySelector(".upload-pause");
  var offer = document.getElementById("upload-offer");
  var hints = document.getElementById("upload-hints");
  var storage = window.tus.defaultOptions.urlStorage;
  var endpoint = form.getAttribute("data-tus-endpoint");
  // Waits between attempts after a failure: quickly at first, then once a minute for
  // a good while (a trainer's connection may be gone for some time).
  var RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000].concat(new Array(60).fill(60000));

  var upload = null;
  var previous = null;
  var paused = false;
  var sample = null;
  var speed = 0;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) {
      return values[name] !== undefined ? values[name] : "";
    });
  }

  /** Puts `template` into `element`, each value isolated in a <bdi> (numbers and "MB"
   *  keep their order inside right-to-left text). */
  function render(element, template, values) {
    element.textContent = "";
    template.split(/(\{\w+\})/).forEach(function (part) {
      var name = part.match(/^\{(\w+)\}$/);
      if (name && values[name[1]] !== undefined) {
        var value = document.createElement("bdi");
        value.textContent = values[name[1]];
        element.appendChild(value);
      } else {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  function megabytes(bytes) {
    return bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + " MB" : Math.round(bytes / 1e3) + " KB";
  }

  function duration(seconds) {
    if (seconds < 90) return fill(text.textSeconds, { count: Math.max(1, Math.round(seconds)) });
    if (seconds < 5400) return fill(text.textMinutes, { count: Math.round(seconds / 60) });
    return fill(text.textHours, { count: Math.round(seconds / 3600) });
  }

  function say(message) {
    state.textContent = message;
  }

  /** The sentence the server gave with a refusal, if there is one. */
  function reason(error) {
    var response = error && error.originalResponse;
    if (response) {
      try {
        var body = JSON.parse(response.getBody());
        if (body && body.error && body.error.message) return body.error.message;
      } catch (_) {
        // not our JSON
      }
    }
    return text.textFailedUnknown;
  }

  function showProgress(sent, total) {
    var percent = total > 0 ? (sent / total) * 100 : 0;
    bar.value = percent;
    bar.textContent = Math.floor(percent) + " %";
    var now = Date.now();
    if (!sample) sample = { at: now, sent: sent };
    if (now - sample.at >= 1000) {
      var current = ((sent - sample.sent) * 1000) / (now - sample.at);
      speed = speed ? speed * 0.7 + current * 0.3 : current;
      sample = { at: now, sent: sent };
    }
    var left = speed > 0 ? duration((total - sent) / speed) : "…";
    render(line, text.textProgress, {
      percent: Math.floor(percent),
      speed: speed > 0 ? megabytes(speed) : "…",
      left: left,
    });
  }

  function setPaused(value) {
    paused = value;
    pauseButton.querySelector(".label").textContent = value ? text.textResume : text.textPause;
    // The icon is a <use> of our sprite: point it at the other symbol.
    var icon = pauseButton.querySelector("use");
    icon.setAttribute("href", icon.getAttribute("href").replace(/#.*$/, value ? "#play" : "#pause"));
  }

  function videoPage(response) {
    return response && response.getHeader("Lernwerk-Video");
  }

  /** The offset the server has for a remembered upload, or null when it is gone. */
  function offsetOf(url) {
    return fetch(url, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" }, credentials: "same-origin" }).then(
      function (response) {
        if (!response.ok) return null;
        return {
          offset: Number(response.headers.get("Upload-Offset")),
          length: Number(response.headers.get("Upload-Length")),
        };
      },
      function () {
        return null;
      },
    );
  }

  function newUpload(file) {
    return new window.tus.Upload(file, {
      endpoint: endpoint,
      headers: { "X-CSRF-Token": csrf },
      metadata: { filename: file.name, title: titleInput.value.trim(), filetype: file.type || "" },
      retryDelays: RETRY_DELAYS,
      removeFingerprintOnSuccess: true,
      // Retried: no answer (the connection is gone), the server busy or full, the offset
      // moved on (409), another request still writing (423), a damaged chunk (460).
      onShouldRetry: function (error) {
        var status = error.originalResponse ? error.originalResponse.getStatus() : 0;
        var retry = status === 0 || status >= 500 || status === 409 || status === 423 || status === 460;
        if (retry) say(navigator.onLine === false ? text.textOffline : status >= 500 ? reason(error) : text.textRetrying);
        return retry;
      },
      onProgress: showProgress,
      onSuccess: function (payload) {
        bar.value = 100;
        say(text.textDone);
        pauseButton.disabled = true;
        var page = videoPage(payload && payload.lastResponse);
        window.location.assign(page || "/trainer/videos");
      },
      onError: function (error) {
        say(fill(text.textFailed, { reason: reason(error) }));
        setPaused(true);
      },
    });
  }

  function begin() {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    if (!upload || upload.file !== file) upload = newUpload(file);
    offer.hidden = true;
    box.hidden = false;
    box.querySelector(".upload-file").textContent = file.name;
    sample = null;
    speed = 0;
    say(text.textStart);
    setPaused(false);
    if (previous) upload.resumeFromPreviousUpload(previous);
    upload.start();
    box.focus();
  }

  // A file chosen again after an interruption: offer to continue where it stopped.
  fileInput.addEventListener("change", function () {
    previous = null;
    offer.hidden = true;
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    upload = newUpload(file);
    upload.findPreviousUploads().then(function (found) {
      var candidates = found.filter(function (p) {
        return p.uploadUrl;
      });
      if (candidates.length === 0) return;
      var latest = candidates[candidates.length - 1];
      offsetOf(latest.uploadUrl).then(function (status) {
        if (!status) {
          storage.removeUpload(latest.urlStorageKey);
          return;
        }
        previous = latest;
        offer.querySelector(".upload-offer-text").textContent = fill(text.textOffer, {
          file: file.name,
          percent: status.length > 0 ? Math.floor((status.offset / status.length) * 100) : 0,
        });
        offer.hidden = false;
      });
    });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    begin();
  });

  offer.querySelector(".upload-continue").addEventListener("click", begin);
  offer.querySelector(".upload-restart").addEventListener("click", function () {
    var old = previous;
    previous = null;
    offer.hidden = true;
    if (!old) return begin();
    storage.removeUpload(old.urlStorageKey);
    // The interrupted upload is not needed any more; the server removes it.
    window.tus.Upload.terminate(old.uploadUrl, { headers: { "X-CSRF-Token": csrf } }).catch(function () {});
    upload = null;
    begin();
  });

  pauseButton.addEventListener("click", function () {
    if (!upload) return;
    if (paused) {
      setPaused(false);
      say(text.textStart);
      upload.start();
    } else {
      setPaused(true);
      upload.abort();
      say(text.textPaused);
    }
  });

  box.querySelector(".upload-cancel").addEventListener("click", function () {
    if (!upload) return;
    var cancelled = upload;
    upload = null;
    previous = null;
    cancelled.abort(true).catch(function () {});
    box.hidden = true;
    form.reset();
  });

  // Back online: try at once instead of waiting for the next retry.
  window.addEventListener("online", function () {
    if (upload && !paused) {
      upload.abort().then(function () {
        upload.start();
      });
    }
  });
  window.addEventListener("offline", function () {
    if (upload && !paused) say(text.textOffline);
  });

  // Interrupted uploads this browser remembers: say which file to choose again.
  storage.findAllUploads().then(function (all) {
    all.forEach(function (entry) {
      if (!entry.uploadUrl || !entry.metadata || !entry.metadata.filename) return;
      offsetOf(entry.uploadUrl).then(function (status) {
        if (!status || status.offset >= status.length) {
          storage.removeUpload(entry.urlStorageKey);
          return;
        }
        var item = document.createElement("li");
        item.className = "notice";
        item.textContent = fill(hints.getAttribute("data-text"), { file: entry.metadata.filename });
        hints.appendChild(item);
        hints.hidden = false;
      });
    });
  });
})();
