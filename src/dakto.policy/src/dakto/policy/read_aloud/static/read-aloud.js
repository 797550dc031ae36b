/* Read aloud ("Nghe đọc", issue 17 point 7): the device's own Vietnamese
   voice reads the page's main content through the Web Speech API
   (speechSynthesis). Nothing is sent to the portal or anywhere else by this
   script: the browser speaks with the voices the device has.

   Progressive enhancement: the controls come hidden from the server and are
   shown only when the page is in Vietnamese and the browser lists a voice
   whose language is Vietnamese (vi, vi-VN); otherwise they stay absent. The
   list of voices may arrive late ("voiceschanged"), and may change. */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var Utterance = window.SpeechSynthesisUtterance;
  /* Chromium stops an utterance after about 15 seconds: speak in short parts. */
  var CHUNK = 220;
  var SKIP = [
    "[data-dakto-read-aloud]", "script", "style", "noscript", "template", "form",
    "nav", "button", "select", "textarea", "input", "svg", "img", "iframe",
    ".visually-hidden", ".hiddenStructure", "[hidden]", "[aria-hidden='true']",
    "#viewlet-below-content-body", "#viewlet-below-content", ".dakto-page-feedback"
  ].join(",");

  function vietnameseVoice() {
    var voices = (synth && synth.getVoices && synth.getVoices()) || [];
    for (var i = 0; i < voices.length; i++) {
      if (/^vi([-_]|$)/i.test(voices[i].lang || "")) { return voices[i]; }
    }
    return null;
  }

  function isBlock(element) {
    var display = window.getComputedStyle(element).display;
    return display !== "inline" && display !== "contents";
  }

  /* The text a sighted reader sees in ``root``, with a break at each block. */
  function collect(root) {
    var parts = [];
    (function walk(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          parts.push(child.nodeValue);
        } else if (child.nodeType === 1) {
          if (child.matches(SKIP)) { continue; }
          if (window.getComputedStyle(child).display === "none") { continue; }
          var block = isBlock(child);
          if (block) { parts.push("\n"); }
          walk(child);
          if (block) { parts.push("\n"); }
        }
      }
    })(root);
    return parts.join("");
  }

  /* Sentences (and, when one is too long, its clauses or words) of at most CHUNK. */
  function chunks(text) {
    var result = [];
    text.split(/\n+/).forEach(function (line) {
      line = line.replace(/\s+/g, " ").trim();
      if (!line) { return; }
      var sentences = line.match(/[^.!?…;:]+[.!?…;:]*\s*/g) || [line];
      var current = "";
      sentences.forEach(function (sentence) {
        var pieces = sentence.length > CHUNK ? sentence.split(/(?=[,，])|\s+/) : [sentence];
        pieces.forEach(function (piece) {
          if (current && (current + " " + piece).length > CHUNK) {
            result.push(current.trim());
            current = "";
          }
          current = current ? current + " " + piece : piece;
        });
      });
      if (current.trim()) { result.push(current.trim()); }
    });
    return result.filter(function (part) { return /[\p{L}\p{N}]/u.test(part); });
  }

  function bind(box) {
    var play = box.querySelector("[data-dakto-read-aloud-play]");
    var stop = box.querySelector("[data-dakto-read-aloud-stop]");
    var status = box.querySelector("[data-dakto-read-aloud-status]");
    var label = function (name) { return box.getAttribute("data-" + name) || ""; };
    var state = "idle"; /* idle | reading | paused */
    var queue = [];
    var position = 0;
    var run = 0; /* the reading a callback belongs to (a stopped one says nothing more) */

    function show(next, message) {
      state = next;
      play.textContent = label(next === "reading" ? "pause" : next === "paused" ? "resume" : "listen");
      stop.disabled = next === "idle";
      box.setAttribute("data-state", next);
      if (message !== undefined) { status.textContent = message; }
    }

    function speakNext(current) {
      if (current !== run || state === "idle") { return; }
      if (position >= queue.length) {
        show("idle", label("done"));
        return;
      }
      var voice = vietnameseVoice();
      var utterance = new Utterance(queue[position]);
      position += 1;
      utterance.lang = voice ? voice.lang : "vi-VN";
      if (voice) { utterance.voice = voice; }
      utterance.onend = function () { speakNext(current); };
      utterance.onerror = function () { speakNext(current); };
      synth.speak(utterance);
    }

    function start() {
      var target = document.querySelector(box.getAttribute("data-target") || "#content") || document.body;
      queue = chunks(collect(target));
      position = 0;
      run += 1;
      synth.cancel();
      show("reading", label("reading"));
      speakNext(run);
    }

    play.addEventListener("click", function () {
      if (state === "idle") {
        start();
      } else if (state === "reading") {
        synth.pause();
        show("paused", label("paused"));
      } else {
        synth.resume();
        show("reading", label("reading"));
      }
    });
    stop.addEventListener("click", function () {
      run += 1;
      synth.cancel();
      show("idle", label("stopped"));
      play.focus(); /* the stop button is disabled now: keep the keyboard's place */
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && state !== "idle") { stop.click(); }
    });
    window.addEventListener("pagehide", function () {
      if (state !== "idle") { run += 1; synth.cancel(); }
    });

    function update() {
      var available = !!vietnameseVoice();
      if (!available && state !== "idle") { stop.click(); }
      box.hidden = !available;
    }
    update();
    if (synth.addEventListener) {
      synth.addEventListener("voiceschanged", update);
    } else {
      synth.onvoiceschanged = update;
    }
  }

  function init() {
    if (!synth || !Utterance) { return; }
    if (!/^vi\b/i.test(document.documentElement.lang || "")) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-dakto-read-aloud]"), bind);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
