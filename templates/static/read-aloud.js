// "Vorlesen": reads a lesson's text, or a question with its answers, with the browser's
// own speech synthesis (nothing leaves the phone). Each button names the box to read in
// `data-read-aloud`; inside it, every `[data-speak]` element is read in page order, as a
// sentence of its own, in the course's language (`data-lang`). `data-read-aloud="page"`
// reads the page's own words instead (headings, instructions, button labels marked
// `[data-speak-ui]`) in the interface language, for people who do not read well. While it
// reads, the button says "Stopp" (`data-stop-label`) and stops it. Without speech
// synthesis the buttons stay hidden.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  var active = null;

  function voiceFor(lang) {
    var voices = synth.getVoices() || [];
    var wanted = lang.toLowerCase();
    for (var i = 0; i < voices.length; i++) {
      var have = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (have === wanted || have.indexOf(wanted + "-") === 0) return voices[i];
    }
    return null;
  }

  function setActive(button, on) {
    var label = button.querySelector("[data-label]");
    if (label) {
      if (!button.dataset.speakLabel) button.dataset.speakLabel = label.textContent;
      label.textContent = on ? button.dataset.stopLabel : button.dataset.speakLabel;
    }
  }

  function stop() {
    if (active) setActive(active, false);
    active = null;
    synth.cancel();
  }

  function parts(box) {
    var texts = [];
    box.querySelectorAll("[data-speak]").forEach(function (el) {
      var text = (el.innerText || el.textContent || "").trim();
      if (text) texts.push(text);
    });
    return texts;
  }

  // The page's own words that are on screen now, in page order.
  function pageParts() {
    var texts = [];
    document.querySelectorAll("[data-speak-ui]").forEach(function (el) {
      if (el.closest("[hidden]") || el.getClientRects().length === 0) return;
      var text = (el.innerText || el.textContent || "").trim();
      if (text) texts.push(text);
    });
    return texts;
  }

  function speak(button) {
    var texts;
    if (button.dataset.readAloud === "page") {
      texts = pageParts();
    } else {
      var box = document.getElementById(button.dataset.readAloud);
      if (!box) return;
      texts = parts(box);
    }
    if (!texts.length) return;
    var lang = button.dataset.lang || document.documentElement.lang || "de";
    var voice = voiceFor(lang);
    active = button;
    setActive(button, true);
    texts.forEach(function (text, i) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      // A little slower than usual: many listeners are still learning the language.
      utterance.rate = 0.9;
      if (i === texts.length - 1) {
        utterance.onend = utterance.onerror = function () {
          if (active === button) {
            setActive(button, false);
            active = null;
          }
        };
      }
      synth.speak(utterance);
    });
  }

  // Some browsers load their voices late; asking early makes them start.
  synth.getVoices();

  document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var wasActive = active === button;
      stop();
      if (!wasActive) speak(button);
    });
  });

  // Leaving the page (or the app going to the background) ends the reading.
  window.addEventListener("pagehide", stop);
})();
