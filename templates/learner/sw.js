// Lernwerk's service worker for the learner pages (scope /learn). It serves only what a
// page stored on purpose in the cache "lernwerk-saved-v1" ("Für offline speichern", see
// learner-offline.js), and never keeps anything else:
// - pages under /learn: from the network; without a connection the saved copy, or the
//   list of saved lessons. Saved pages (and the start and list pages) are refreshed
//   whenever they load online;
// - static files, the web app manifest, a saved lesson's MP4, subtitles and poster: from
//   the cache when saved there (the MP4 with range requests, so the video can seek), else
//   from the network;
// - everything else (playlists, segments, the progress API) is not touched.
"use strict";
var CACHE = "lernwerk-saved-v1";
var SAVED_MEDIA = /^\/media\/videos\/\d+\/(offline\.mp4|subs\/[A-Za-z0-9-]+\.vtt|poster-\d+\.(webp|jpg))$/;
var ALWAYS_FRESH = ["/learn", "/learn/offline"];
var MANIFEST = "/learn/manifest.webmanifest";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  } else if (url.pathname.indexOf("/static/") === 0 || url.pathname === MANIFEST || SAVED_MEDIA.test(url.pathname)) {
    event.respondWith(saved(request, url));
  }
});

function page(request, url) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic" && !url.search) {
      var fresh = response.clone();
      // Only while something is saved: deleting the last lesson deletes the cache.
      caches.has(CACHE).then(function (saving) {
        return saving ? caches.open(CACHE) : null;
      }).then(function (cache) {
        if (!cache) return null;
        return cache.match(url.pathname).then(function (old) {
          if (old || ALWAYS_FRESH.indexOf(url.pathname) >= 0) return cache.put(url.pathname, fresh);
        });
      }).catch(function () { /* a full phone keeps the old copy */ });
    }
    return response;
  }, function () {
    return caches.match(url.pathname, { cacheName: CACHE }).then(function (copy) {
      return copy || caches.match("/learn/offline", { cacheName: CACHE });
    }).then(function (copy) {
      return copy || Response.error();
    });
  });
}

// (caches.match, not caches.open: opening would make the cache again after the last
// saved lesson was deleted.)
function saved(request, url) {
  return caches.match(url.pathname, { cacheName: CACHE }).then(function (copy) {
    if (!copy) return fetch(request);
    var range = request.headers.get("range");
    return range ? partial(copy, range) : copy;
  });
}

// A 206 for `Range: bytes=a-b` from the stored whole file.
function partial(copy, range) {
  var match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  return copy.blob().then(function (blob) {
    var size = blob.size;
    if (!match || (match[1] === "" && match[2] === "")) return copy;
    var start, end;
    if (match[1] === "") {
      start = Math.max(0, size - parseInt(match[2], 10));
      end = size - 1;
    } else {
      start = parseInt(match[1], 10);
      end = match[2] === "" ? size - 1 : Math.min(parseInt(match[2], 10), size - 1);
    }
    if (start >= size || start > end) {
      return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + size } });
    }
    return new Response(blob.slice(start, end + 1), {
      status: 206,
      headers: {
        "Content-Type": copy.headers.get("Content-Type") || "video/mp4",
        "Content-Range": "bytes " + start + "-" + (end) + "/" + size,
        "Content-Length": String(end - start + 1),
        "Accept-Ranges": "bytes"
      }
    });
  });
}
