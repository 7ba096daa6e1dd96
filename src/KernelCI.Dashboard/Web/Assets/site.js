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

  // The number inside each status pill of a tab (StatusPills.razor: symbol, number, words).
  function setPills(tab, tally) {
    if (!tab || !tally) { return; }
    ["pass", "fail", "inconclusive"].forEach(function (status) {
      var pill = tab.querySelector(".pill." + status);
      if (!pill) { return; }
      pill.childNodes.forEach(function (node) {
        if (node.nodeType === 3 && node.nodeValue.trim() !== "") { node.nodeValue = String(tally[status]); }
      });
    });
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

    // Live results on a commit's page (docs/dashboard.md, "Live results"): the server pushes the counts over
    // Server-Sent Events when ingestion commits results for it; nothing polls. The tab counts follow (unless filters
    // narrow them) and a "new results" link offers the reload; the live region announces it politely.
    var live = document.querySelector("[data-live-url]");
    if (live && window.EventSource) {
      var url = live.getAttribute("data-live-url");
      var since = live.getAttribute("data-live-since") || "";
      var source = new EventSource(url + (url.indexOf("?") < 0 ? "?" : "&") + "since=" + encodeURIComponent(since));
      source.addEventListener("results", function (e) {
        var counts = JSON.parse(e.data);
        if (live.getAttribute("data-live-counts") === "true") {
          ["builds", "boots", "tests"].forEach(function (kind) { setPills(document.querySelector("[data-live-kind='" + kind + "']"), counts[kind]); });
        }
        if (!live.querySelector("a")) {
          var link = document.createElement("a");
          link.href = window.location.href;
          link.textContent = "New results \u2014 reload";
          live.appendChild(link);
        }
      });
      // Closed before the page goes, so leaving it is not a failed request.
      window.addEventListener("pagehide", function () { source.close(); });
    }

    // Log viewer: "Show the next part here" fetches the next part's page and appends its lines, so a long log can be
    // read on without leaving the page; the "Next part" links (which work without this) then point past it.
    var log = document.querySelector(".log");
    var nextLink = document.querySelector("a[data-log-next]");
    if (log && nextLink && window.fetch && window.DOMParser) {
      var more = document.createElement("button");
      more.type = "button";
      more.className = "log-more";
      more.textContent = "Show the next part here";
      log.insertAdjacentElement("afterend", more);
      more.addEventListener("click", function () {
        more.disabled = true;
        fetch(nextLink.href).then(function (r) {
          if (!r.ok) { throw new Error(String(r.status)); }
          return r.text();
        }).then(function (html) {
          var next = new DOMParser().parseFromString(html, "text/html");
          next.querySelectorAll(".log-line").forEach(function (line) { log.appendChild(document.importNode(line, true)); });
          var following = next.querySelector("a[data-log-next]");
          document.querySelectorAll("a[rel=next]").forEach(function (a) {
            if (following) { a.href = following.getAttribute("href"); } else { a.remove(); }
          });
          if (following) { nextLink.href = following.getAttribute("href"); more.disabled = false; } else { more.remove(); }
        }).catch(function () { more.disabled = false; });
      });
    }
  });
})();
