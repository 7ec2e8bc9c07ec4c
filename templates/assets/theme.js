// Light and dark themes: follow the system unless the reader picked one, and remember the pick.
(function () {
  "use strict";
  var key = "cairn-theme";
  var root = document.documentElement;
  var saved = null;
  try { saved = window.localStorage.getItem(key); } catch (error) { saved = null; }
  if (saved === "dark" || saved === "light") { root.setAttribute("data-theme", saved); }

  // A page's contents stand above its text on a narrow screen: folded there, to be opened.
  // The stylesheet alone says where that is, by letting their summary be clicked.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".toc details > summary");
    if (summary && window.getComputedStyle(summary).pointerEvents !== "none") {
      summary.parentElement.open = false;
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-toggle");
    if (!button) { return; }
    function current() {
      var chosen = root.getAttribute("data-theme");
      if (chosen) { return chosen; }
      return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    }
    function label() {
      var dark = current() === "dark";
      button.textContent = dark ? "Light theme" : "Dark theme";
      button.setAttribute("aria-pressed", String(dark));
    }
    button.hidden = false;
    label();
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { window.localStorage.setItem(key, next); } catch (error) { /* the choice lasts this page */ }
      label();
    });
  });
}());
