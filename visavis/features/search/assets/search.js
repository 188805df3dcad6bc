/* The site's search page (visavis/features/search): one index per language, loaded with a
   <script> tag so that it works from file:// too, searched with lunr and the language's Snowball
   stemmer. Accents are ignored (the index is folded the same way), the readers' vocabulary adds
   the site's words to a query, the last word matches as a prefix while it is typed, and words of
   five letters or more forgive one typo. Nothing typed leaves the page: no address, no history. */
(function () {
  "use strict";
  var form = document.getElementById("vav-search");
  if (!form || !window.lunr) return;
  var input = document.getElementById("vav-search-input");
  var status = document.getElementById("vav-search-status");
  var list = document.getElementById("vav-search-results");
  var lang = form.dataset.lang;
  var stemming = lunr[lang];
  var index = null;
  var data = null;
  var MAX = 20;

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", run);
  // Down arrow from the box goes to the first result, then from result to result (Up goes back).
  form.parentNode.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === "ArrowDown" && links.length) {
      links[0].focus();
    } else if (at >= 0) {
      (event.key === "ArrowDown" ? links[at + 1] : links[at - 1] || input).focus();
    } else {
      return;
    }
    event.preventDefault();
  });

  var script = document.createElement("script");
  script.src = form.dataset.index;
  script.onload = function () {
    data = window.vavSearchIndex;
    index = build(data.pages);
    run();
  };
  document.head.appendChild(script);

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || [];
  }

  function build(pages) {
    return lunr(function () {
      if (stemming) this.use(stemming);
      this.ref("i");
      this.field("t", { boost: 8 }); // title
      this.field("k", { boost: 5 }); // the readers' words for the needs this page serves
      this.field("h", { boost: 2 }); // headings
      this.field("b"); // the text
      pages.forEach(function (page, i) {
        this.add({ i: String(i), t: fold(page.t).join(" "), k: page.k, h: page.h, b: page.b });
      }, this);
    });
  }

  function isStopWord(word) {
    return stemming && !stemming.stopWordFilter(new lunr.Token(word));
  }

  // The site's words for what the reader typed (whole words or phrases of the vocabulary).
  function expansions(words) {
    var text = " " + words.join(" ") + " ";
    var extra = [];
    data.v.forEach(function (pair) {
      if (text.indexOf(" " + pair[0] + " ") >= 0) extra = extra.concat(pair[1].split(" "));
    });
    return extra;
  }

  function search(text) {
    var typed = fold(text).filter(function (w) { return w.length > 1; });
    var words = typed.filter(function (w) { return !isStopWord(w); });
    if (!words.length) words = typed;
    var extra = expansions(typed).filter(function (w) { return !isStopWord(w); });
    if (!words.length && !extra.length) return [];
    return index.query(function (query) {
      words.forEach(function (word, n) {
        query.term(word, { boost: 10 });
        if (word.length >= 5) query.term(word, { editDistance: 1, boost: 1 });
        if (n === words.length - 1 && word.length >= 3 && typed[typed.length - 1] === word) {
          query.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
        }
      });
      extra.forEach(function (word) {
        query.term(word, { boost: 6 });
      });
    });
  }

  function run() {
    var text = input.value;
    if (!index) return;
    var results = text.trim() ? search(text).slice(0, MAX) : [];
    list.textContent = "";
    results.forEach(function (result) {
      var page = data.pages[Number(result.ref)];
      var item = document.createElement("li");
      item.className = "vav-search__result";
      var link = document.createElement("a");
      link.className = "vav-search__link";
      link.href = form.dataset.root + "/" + page.u;
      link.textContent = page.t;
      item.appendChild(link);
      if (page.s) {
        var section = document.createElement("p");
        section.className = "vav-search__section";
        section.textContent = page.s;
        item.appendChild(section);
      }
      if (page.d) {
        var snippet = document.createElement("p");
        snippet.className = "vav-search__snippet";
        snippet.textContent = page.d;
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
    var count = results.length;
    status.textContent = !text.trim()
      ? ""
      : count === 0
        ? status.dataset.none
        : (count === 1 ? status.dataset.one : status.dataset.many).replace("{n}", String(count));
    list.dataset.query = text; // which query the list answers (the tests wait for it)
  }
})();
