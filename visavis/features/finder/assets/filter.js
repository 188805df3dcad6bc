/* Filters for a list (the directory, the lesson sheets). Without JavaScript the page shows the
   complete list; with it, a small form filters the list instantly and says how many items match
   (to screen readers too, through a live region).

   The choice is never written to the address bar or the browser's history on its own: an address
   like "?audience=lgbtqi&need=psychological" would tell whoever looks at the device what the person
   is going through. A "copy a link" button makes such an address only when the person asks, and a
   shared link still opens with its filters chosen.

   Markup: form[data-vav-filter] holds <select name="facet"> and checkboxes (name=facet,
   value=value); each child of [data-vav-results] lists its values per facet in data-<facet>
   ("a b c"); an optional [data-vav-groups] block is shown instead of the results while no filter
   is chosen; children with data-rank are shown in that order. */
(function () {
  "use strict";
  var form = document.querySelector("[data-vav-filter]");
  var results = document.querySelector("[data-vav-results]");
  if (!form || !results) return;
  var groups = document.querySelector("[data-vav-groups]");
  var count = form.querySelector("[data-vav-count]");
  var items = Array.prototype.slice.call(results.children);
  var fields = Array.prototype.slice.call(form.querySelectorAll("select, input[type=checkbox]"));

  // Ranked items first (e.g. specialised services before general ones), keeping the page order.
  items.map(function (item, i) { return [Number(item.dataset.rank || 0), i, item]; })
    .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
    .forEach(function (entry) { results.appendChild(entry[2]); });

  function chosen() {
    var picks = [];
    fields.forEach(function (field) {
      var on = field.type === "checkbox" ? field.checked : field.value !== "";
      if (on) picks.push([field.name, field.value]);
    });
    return picks;
  }

  function matches(item, picks) {
    return picks.every(function (pick) {
      return (item.getAttribute("data-" + pick[0]) || "").split(" ").indexOf(pick[1]) !== -1;
    });
  }

  function apply(announce) {
    var picks = chosen();
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item, picks);
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    if (groups) {
      results.hidden = picks.length === 0;
      groups.hidden = picks.length > 0;
    }
    if (announce) {
      count.textContent = shown === 0 ? count.dataset.none
        : shown === 1 ? count.dataset.one : count.dataset.many.replace("{n}", shown);
    }
  }

  // "Copy a link to this selection": only on request, with a word on what the link reveals.
  var copy = form.querySelector("[data-vav-copy-link]");
  var copyStatus = form.querySelector("[data-vav-copy-status]");
  var copyField = form.querySelector("[data-vav-copy-field]");
  if (copy) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var query = new URLSearchParams(chosen()).toString();
      var link = location.origin + location.pathname + (query ? "?" + query : "");
      var done = function () { copyStatus.textContent = copy.dataset.copied; };
      var failed = function () {
        copyField.value = link;
        copyField.hidden = false;
        copyField.select();
        copyStatus.textContent = copy.dataset.failed;
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link).then(done, failed);
      else failed();
    });
  }

  // Restore the filters from the address (a shared link, or a reload).
  var params = new URLSearchParams(location.search);
  fields.forEach(function (field) {
    var value = params.get(field.name);
    if (field.type === "checkbox") field.checked = value === field.value;
    else if (value && field.querySelector('option[value="' + CSS.escape(value) + '"]')) field.value = value;
  });

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply(chosen().length > 0);
})();
