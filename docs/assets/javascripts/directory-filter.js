/* Directory filters. Without JavaScript the page is a complete list grouped by need; with it,
   a small form filters the organisations instantly, says how many match (to screen readers too,
   through a live region), and keeps the choice in the address so that a link can be shared. */
(function () {
  "use strict";
  var form = document.querySelector("[data-vav-filter]");
  var results = document.querySelector("[data-vav-results]");
  var groups = document.querySelector("[data-vav-groups]");
  if (!form || !results || !groups) return;
  var count = form.querySelector("[data-vav-count]");
  var cards = Array.prototype.slice.call(results.children);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var free = form.querySelector("[name=free]");

  // Specialised services first (a parent choosing "minors" sees Child Focus before general lines).
  cards.sort(function (a, b) { return (a.dataset.specialised === "yes" ? 0 : 1) - (b.dataset.specialised === "yes" ? 0 : 1); });
  cards.forEach(function (card) { results.appendChild(card); });

  function chosen() {
    var picks = {};
    selects.forEach(function (s) { if (s.value) picks[s.name] = s.value; });
    if (free.checked) picks.cost = "free";
    return picks;
  }

  function matches(card, picks) {
    return Object.keys(picks).every(function (facet) {
      return (card.getAttribute("data-" + facet) || "").split(" ").indexOf(picks[facet]) !== -1;
    });
  }

  function apply(announce) {
    var picks = chosen();
    var filtering = Object.keys(picks).length > 0;
    var shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, picks);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    results.hidden = !filtering;
    groups.hidden = filtering;
    if (announce) {
      count.textContent = shown === 0 ? count.dataset.none
        : shown === 1 ? count.dataset.one : count.dataset.many.replace("{n}", shown);
    }
    var query = new URLSearchParams();
    selects.forEach(function (s) { if (s.value) query.set(s.name, s.value); });
    if (free.checked) query.set("free", "1");
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  // Restore the filters from the address (a shared link, or a reload).
  var params = new URLSearchParams(location.search);
  selects.forEach(function (s) {
    var value = params.get(s.name);
    if (value && s.querySelector('option[value="' + CSS.escape(value) + '"]')) s.value = value;
  });
  free.checked = params.get("free") === "1";

  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply(Object.keys(chosen()).length > 0);
})();
