/* Reading tools: text size and high contrast, kept in localStorage.
   The content never depends on this script; without it the tools stay hidden. */
(function () {
  "use strict";
  var SIZES = [100, 112.5, 125, 150];
  var root = document.documentElement;
  root.classList.add("dakto-js");

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }
  function applySize(index) {
    index = Math.max(0, Math.min(SIZES.length - 1, index || 0));
    root.style.fontSize = index ? SIZES[index] + "%" : "";
    root.setAttribute("data-dakto-textsize", String(index));
    return index;
  }
  function applyContrast(on) {
    root.classList.toggle("dakto-contrast", !!on);
  }

  var size = applySize(parseInt(load("dakto.textsize") || "0", 10));
  applyContrast(load("dakto.contrast") === "1");

  function bind() {
    var tools = document.querySelector(".dakto-reading-tools");
    if (!tools) { return; }
    tools.hidden = false;
    var contrast = tools.querySelector("[data-dakto-contrast]");
    if (contrast) {
      contrast.setAttribute("aria-pressed", root.classList.contains("dakto-contrast") ? "true" : "false");
    }
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      var step = button.getAttribute("data-dakto-textsize");
      if (step) {
        size = applySize(step === "reset" ? 0 : size + (step === "up" ? 1 : -1));
        save("dakto.textsize", String(size));
      }
      if (button.hasAttribute("data-dakto-contrast")) {
        var on = !root.classList.contains("dakto-contrast");
        applyContrast(on);
        save("dakto.contrast", on ? "1" : "0");
        button.setAttribute("aria-pressed", on ? "true" : "false");
      }
    });
  }
  /* The phone menu for anonymous visitors, who do not load Plone's bundle
     (Bootstrap's offcanvas): the button opens the panel, the close button
     and Escape close it. With Plone's bundle (logged in) Bootstrap does it. */
  function bindMenu() {
    if (document.querySelector('script[data-bundle="plone"]')) { return; }
    var toggler = document.querySelector('[data-bs-toggle="offcanvas"]');
    var panel = toggler && document.querySelector(toggler.getAttribute("data-bs-target"));
    if (!panel) { return; }
    toggler.setAttribute("aria-expanded", "false");
    function open() {
      panel.classList.add("show");
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-modal", "true");
      toggler.setAttribute("aria-expanded", "true");
      panel.focus();
    }
    function close() {
      panel.classList.remove("show");
      panel.removeAttribute("role");
      panel.removeAttribute("aria-modal");
      toggler.setAttribute("aria-expanded", "false");
      toggler.focus();
    }
    toggler.addEventListener("click", open);
    Array.prototype.forEach.call(
      panel.querySelectorAll('[data-bs-dismiss="offcanvas"]'),
      function (button) { button.addEventListener("click", close); }
    );
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && panel.classList.contains("show")) { close(); }
    });
  }

  // "Lượt xem": the page may come from the cache with an old number; once
  // it and its beacon image have loaded, show the number of now.
  function refreshViews() {
    var line = document.querySelector(".dakto-views[data-count]");
    if (!line || !window.fetch) { return; }
    fetch(line.getAttribute("data-count"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        var shown = line.querySelector(".dakto-views-count");
        if (data && data.total_shown && shown) { shown.textContent = data.total_shown; }
      })
      .catch(function () { /* the cached number stays */ });
  }

  function start() {
    bind();
    bindMenu();
    if (document.readyState === "complete") {
      refreshViews();
    } else {
      window.addEventListener("load", refreshViews);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
