// A WebSocket to the room that stays up: it pings every 4 s, treats 12 s of silence as a
// dead connection (a pulled cable closes nothing by itself), and reconnects with a short
// back-off. The server sends the current state on every (re)connect.
(function () {
  "use strict";
  var PING_MS = 4000;
  var SILENCE_MS = 12000;

  window.LernwerkRoomSocket = function (path, handlers) {
    var ws = null;
    var lastHeard = 0;
    var attempts = 0;
    var timer = null;
    var stopped = false;

    function open() {
      if (stopped) return;
      clearTimeout(timer);
      // Offline, every try would fail: wait for the "online" event instead.
      if (navigator.onLine === false) { handlers.status("lost"); return; }
      var proto = location.protocol === "https:" ? "wss:" : "ws:";
      var socket = new WebSocket(proto + "//" + location.host + path);
      ws = socket;
      handlers.status("connecting");
      socket.onopen = function () {
        if (ws !== socket) return;
        attempts = 0;
        lastHeard = Date.now();
        handlers.status("open");
      };
      socket.onmessage = function (event) {
        if (ws !== socket) return;
        lastHeard = Date.now();
        var message;
        try { message = JSON.parse(event.data); } catch (e) { return; }
        if (message.type !== "pong") handlers.message(message);
      };
      socket.onclose = function () {
        if (ws !== socket) return;
        lost();
      };
    }

    // Drops the current socket (without waiting for its close) and tries again soon.
    function lost() {
      var old = ws;
      ws = null;
      if (old) {
        old.onopen = old.onmessage = old.onclose = null;
        try { old.close(); } catch (e) { /* already closed */ }
      }
      if (stopped) return;
      handlers.status("lost");
      var delay = Math.min(5000, 250 * Math.pow(2, attempts++));
      timer = setTimeout(open, delay);
    }

    setInterval(function () {
      if (!ws || ws.readyState !== 1) return;
      if (Date.now() - lastHeard > SILENCE_MS) { lost(); return; }
      ws.send(JSON.stringify({ type: "ping" }));
    }, PING_MS);
    window.addEventListener("online", function () { if (!ws || ws.readyState > 1) { attempts = 0; open(); } });
    window.addEventListener("offline", function () { if (ws) lost(); });

    open();
    return {
      send: function (message) {
        if (!ws || ws.readyState !== 1) return false;
        ws.send(JSON.stringify(message));
        return true;
      },
      // Reconnects at once (after pairing, the cookie changes what the server sends).
      reconnect: function () { attempts = 0; lost(); clearTimeout(timer); open(); },
      stop: function () { stopped = true; lost(); }
    };
  };
})();
