// Progressive enhancement only: every page works without this file (docs/dashboard.md, "Design").
// Runs in <head> so a remembered theme applies before the first paint.
(function () {
  "use strict";
  var key = "kernelci-theme";
  var root = document.documentElement;
  var saved = null;
  try { saved = localStorage.getItem(key); } catch (e) { /* storage may be off */ }
  if (saved === "dark" || saved === "light") { root.dataset.theme = saved; }

  function isDark() {
    if (root.dataset.theme) { return root.dataset.theme === "dark"; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-switch");
    if (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", String(isDark()));
      button.addEventListener("click", function () {
        var next = isDark() ? "light" : "dark";
        root.dataset.theme = next;
        try { localStorage.setItem(key, next); } catch (e) { /* not remembered */ }
        button.setAttribute("aria-pressed", String(next === "dark"));
      });
    }

    // "Expand all" and "Collapse all" above a path hierarchy (its <details> work without them).
    document.querySelectorAll("[data-expand-target]").forEach(function (controls) {
      var tree = document.getElementById(controls.getAttribute("data-expand-target"));
      if (!tree) { return; }
      controls.hidden = false;
      controls.querySelectorAll("button[data-expand]").forEach(function (b) {
        b.addEventListener("click", function () {
          var open = b.getAttribute("data-expand") === "open";
          tree.querySelectorAll("details").forEach(function (d) { d.open = open; });
        });
      });
    });
  });
})();
