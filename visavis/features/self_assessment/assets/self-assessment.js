/* Guided self-assessment: one question per screen, then a summary, then an action plan.
   The questions and rules come from directory/self-assessment.yml (embedded in the page as JSON);
   the rules below mirror visavis/questionnaire.py, and the tests compare both on every path.
   Nothing leaves the browser. Answers are kept in memory only, unless the person ticks
   "remember on this device" (then in localStorage, erased by one button). */
(function () {
  "use strict";
  var root = document.querySelector("[data-vav-sa]");
  var source = document.getElementById("vav-sa-data");
  if (!root || !source) return;
  var data = JSON.parse(source.textContent);
  var ui = data.ui;
  var app = root.querySelector("[data-vav-sa-app]");
  var STORE = "vav-self-assessment";
  var questions = {};
  data.questions.forEach(function (q) { questions[q.id] = q; });

  // State: the answers given, in order ({id, value}), and the screen shown.
  var state = { answers: [], screen: data.start, remember: false };

  /* ---- Rules (same as visavis/questionnaire.py) ---- */

  function matches(rule, facts) {
    return Object.keys(rule || {}).every(function (name) { return (rule[name]).indexOf(facts[name]) !== -1; });
  }
  function first(rules, facts, key) {
    for (var i = 0; i < rules.length; i++) if (matches(rules[i].when, facts)) return rules[i][key];
    return null;
  }
  function factsOf(answers) {
    var facts = {};
    answers.forEach(function (a) {
      var q = questions[a.id];
      if (q.info) return;
      facts[q.fact] = a.value;
      var answer = q.answers.filter(function (x) { return x.value === a.value; })[0];
      Object.keys(answer.sets || {}).forEach(function (k) { facts[k] = answer.sets[k]; });
    });
    return facts;
  }
  function preferredAudiences(facts) {
    var out = [];
    data.audiences.byAnswer.forEach(function (row) { if (facts[row[0]] === row[1]) out = out.concat(row[2]); });
    return out;
  }
  function overlaps(a, b) { return a.some(function (x) { return b.indexOf(x) !== -1; }); }
  function youthOnly(org) {
    return org.audiences.every(function (a) { return data.audiences.youthOnly.indexOf(a) !== -1; });
  }
  // The organisations named by every matching rule (first_contacts, excluded_contacts), in order.
  function organisationsOf(rules, facts) {
    var out = [];
    rules.forEach(function (rule) { if (matches(rule.when, facts)) out = out.concat(rule.organisations); });
    return out;
  }
  function contacts(routes, facts, first, excluded) {
    var preferred = preferredAudiences(facts);
    var minor = overlaps(preferred, data.audiences.minor);
    function suits(id, byRegion, byLanguage) {
      var org = data.organisations[id];
      if (excluded.indexOf(id) !== -1) return false;
      var regionOk = !byRegion || !facts.region || facts.region === "unsure" ||
        org.regions.indexOf(facts.region) !== -1 || org.regions.indexOf("belgium") !== -1;
      var languageOk = !byLanguage || !facts.language || org.languages.indexOf(facts.language) !== -1;
      return regionOk && languageOk;
    }
    var tries = [[true, true], [true, false], [false, false]];
    // the first contacts in the person's language, wherever they live; if none speaks it, all of them
    var leading = first.filter(function (id) { return data.organisations[id] && suits(id, false, true); });
    if (!leading.length) leading = first.filter(function (id) { return data.organisations[id] && excluded.indexOf(id) === -1; });
    for (var t = 0; t < tries.length; t++) {
      var chosen = leading.slice();
      routes.forEach(function (route) {
        // a minor is never sent to a service that helps only adults with this route
        var adultsOnly = minor ? data.routes[route].adultsOnly : [];
        var fitting = data.routes[route].organisations.filter(function (id) {
          var org = data.organisations[id];
          return org && adultsOnly.indexOf(id) === -1 && org.intake === "open" && suits(id, tries[t][0], tries[t][1]) &&
            (minor || !youthOnly(org));
        });
        // stable sort: the person's own audience first
        fitting = fitting.map(function (id, i) { return [overlaps(data.organisations[id].audiences, preferred) ? 0 : 1, i, id]; })
          .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (x) { return x[2]; });
        fitting.slice(0, data.limits.perStep).forEach(function (id) { if (chosen.indexOf(id) === -1) chosen.push(id); });
      });
      if (chosen.length > leading.length) return chosen.slice(0, data.limits.contacts);
    }
    return leading.slice(0, data.limits.contacts);
  }
  function plan(facts) {
    var category = first(data.categories, facts, "category");
    var withCategory = Object.assign({}, facts, { category: category });
    var steps = [];
    data.groups.forEach(function (group) {
      data.actions.forEach(function (action) {
        var taken = steps.some(function (s) { return s.recourse === action.recourse; });
        if (action.group === group && !taken && matches(action.when, withCategory)) steps.push(action);
      });
    });
    var firstContacts = organisationsOf(data.firstContacts, withCategory);
    var excluded = organisationsOf(data.excludedContacts, withCategory);
    var notes = [];
    data.notes.forEach(function (note, i) { if (matches(note.when, withCategory)) notes.push(i); });
    return { category: category, steps: steps, notes: notes,
      contacts: contacts(steps.map(function (s) { return s.recourse; }), facts, firstContacts, excluded) };
  }

  /* ---- Navigation between screens ---- */

  function nextScreen(id, answers) { return first(questions[id].next, factsOf(answers), "to"); }

  // Replay the answers from the start, keeping only those still on the path (after a change).
  function onPath(answers) {
    var kept = [], screen = data.start;
    while (screen !== "result") {
      var q = questions[screen];
      var given = answers.filter(function (a) { return a.id === screen; })[0];
      if (!given) return { answers: kept, screen: screen };
      kept.push(given);
      screen = nextScreen(screen, kept);
    }
    return { answers: kept, screen: "summary" };
  }

  // Record an answer; later answers stay only if they are still on the path it leads to.
  function answer(id, value) {
    var path = onPath(state.answers.filter(function (a) { return a.id !== id; }).concat([{ id: id, value: value }]));
    state.answers = path.answers;
    state.screen = path.screen;
    show(true);
  }
  function back() {
    if (state.screen === "summary" || state.screen === "result") {
      state.screen = state.answers.length ? state.answers[state.answers.length - 1].id : data.start;
    } else {
      var index = state.answers.map(function (a) { return a.id; }).indexOf(state.screen);
      var previous = index === -1 ? state.answers[state.answers.length - 1] : state.answers[index - 1];
      state.screen = previous ? previous.id : data.start;
    }
    show(true);
  }
  function restart() { state.answers = []; state.screen = data.start; show(true); }

  /* ---- Storage: only with consent ---- */

  function save() {
    try {
      if (state.remember) localStorage.setItem(STORE, JSON.stringify({ answers: state.answers, screen: state.screen }));
      else localStorage.removeItem(STORE);
    } catch (e) { /* storage unavailable (private mode): keep working in memory */ }
  }
  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORE) || "null");
      if (saved && Array.isArray(saved.answers)) {
        var path = onPath(saved.answers.filter(function (a) { return questions[a.id]; }));
        state.answers = path.answers;
        state.screen = saved.screen === "result" && path.screen === "summary" ? "result" : path.screen;
        state.remember = true;
      }
    } catch (e) { /* ignore a damaged entry */ }
  }
  function forget() {
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    state.remember = false;
    restart();
    say(ui.sa_forgotten);
  }

  /* ---- Rendering (text always through textContent) ---- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.indexOf("on") === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function button(text, handler, kind) {
    return el("button", { type: "button", "class": "md-button" + (kind ? " md-button--primary" : ""), text: text, onclick: handler });
  }
  var live = el("p", { "class": "vav-sa__live", role: "status", "aria-live": "polite" });
  function say(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 50); }

  function progress() {
    var asked = state.answers.filter(function (a) { return !questions[a.id].info; }).length;
    var index = state.answers.map(function (a) { return a.id; }).indexOf(state.screen);
    var done = index === -1 ? asked : state.answers.slice(0, index).filter(function (a) { return !questions[a.id].info; }).length;
    var total = done + data.remaining[state.screen];
    var n = done + 1;
    return el("div", { "class": "vav-sa__progress" }, [
      el("p", { text: ui.sa_progress.replace("{n}", n).replace("{total}", total) }),
      el("progress", { max: String(total), value: String(n), "aria-hidden": "true" })
    ]);
  }

  function questionScreen(q) {
    var given = state.answers.filter(function (a) { return a.id === q.id; })[0];
    var title = el("h2", { id: "vav-sa-title", tabindex: "-1", text: q.text, "class": "vav-sa__question" });
    if (q.info) {
      return [progress(), el("div", { "class": "vav-sa__info", role: "alert" }, [title]), callButtons(q.calls),
        el("div", { "class": "vav-sa__nav" }, [button(ui.sa_continue, function () { answer(q.id, "seen"); }, true),
          button(ui.sa_back, back), button(ui.sa_restart, restart)])];
    }
    var error = el("p", { "class": "vav-sa__error", id: "vav-sa-error", hidden: "hidden", text: ui.sa_choose });
    var legend = el("legend", { text: q.text });
    var fieldset = el("fieldset", { "aria-describedby": q.why ? "vav-sa-why" : "vav-sa-error" }, [legend]);
    q.answers.forEach(function (a, i) {
      var id = "vav-sa-" + q.id + "-" + i;
      var input = el("input", { type: "radio", name: q.id, id: id, value: a.value });
      if (given && given.value === a.value) input.checked = true;
      fieldset.appendChild(el("p", { "class": "vav-sa__choice" }, [input, el("label", { "for": id, text: a.text })]));
    });
    var form = el("form", { "class": "vav-sa__form", novalidate: "novalidate", onsubmit: function (event) {
      event.preventDefault();
      var picked = form.querySelector("input:checked");
      if (!picked) { error.hidden = false; form.querySelector("input").focus(); return; }
      answer(q.id, picked.value);
    } }, [fieldset,
      q.why ? el("p", { "class": "vav-sa__why", id: "vav-sa-why" }, [el("strong", { text: ui.sa_why + " " }), document.createTextNode(q.why)]) : null,
      error,
      el("div", { "class": "vav-sa__nav" }, [el("button", { type: "submit", "class": "md-button md-button--primary", text: ui.sa_continue }),
        state.answers.length && q.id !== data.start ? button(ui.sa_back, back) : null, button(ui.sa_restart, restart)])]);
    title.hidden = true; // the legend is the visible question; the hidden heading only receives focus
    return [progress(), title, form];
  }

  function summaryScreen() {
    var list = el("dl", { "class": "vav-sa__summary" });
    state.answers.forEach(function (a) {
      var q = questions[a.id];
      if (q.info) return;
      var text = q.answers.filter(function (x) { return x.value === a.value; })[0].text;
      list.appendChild(el("dt", { text: q.text }));
      list.appendChild(el("dd", {}, [document.createTextNode(text + " "),
        el("button", { type: "button", "class": "vav-sa__change", text: ui.sa_change, "aria-label": ui.sa_change_label.replace("{question}", q.text),
          onclick: function () { state.screen = a.id; show(true); } })]));
    });
    return [el("h2", { id: "vav-sa-title", tabindex: "-1", text: ui.sa_summary_title }), el("p", { text: ui.sa_summary_intro }), list,
      el("div", { "class": "vav-sa__nav" }, [button(ui.sa_see_plan, function () { state.screen = "result"; show(true); }, true),
        button(ui.sa_back, back), button(ui.sa_restart, restart)])];
  }

  // Crisis lines as call buttons (the numbers come from the directory data, through the page).
  function callButtons(calls) {
    var box = el("p", { "class": "vav-sa__calls" });
    calls.forEach(function (c) {
      box.appendChild(el("a", { href: c.href, "class": "md-button md-button--primary vav-sa__call" },
        [el("strong", { text: c.number }), document.createTextNode(" " + c.name)]));
    });
    return calls.length ? box : null;
  }
  // A note of the plan: its text, its crisis lines, a warning copied from the page, a link to the law.
  function noteNodes(note) {
    if (note.notice) {
      var template = document.getElementById("vav-sa-notice-" + note.notice);
      return template ? [el("div", { "class": "vav-sa__notice" }, [document.importNode(template.content, true)])] : [];
    }
    var attrs = { "class": "vav-sa__note" + (note.first ? " vav-sa__note--first" : "") };
    if (note.first) attrs.role = "alert";
    if (note.link) return [el("p", { "class": "vav-sa__page" }, [el("a", { href: note.link, text: note.text })])];
    return [el("div", attrs, [el("p", { text: note.text }), callButtons(note.calls),
      note.basis ? el("p", {}, [el("a", { href: note.basis, text: ui.sa_law_link })]) : null])];
  }

  function resultScreen() {
    var facts = factsOf(state.answers);
    var result = plan(facts);
    var notes = result.notes.map(function (i) { return data.notes[i]; });
    var nodes = [el("h2", { id: "vav-sa-title", tabindex: "-1", text: ui.sa_result_title })];
    notes.filter(function (n) { return n.first; }).forEach(function (n) { nodes = nodes.concat(noteNodes(n)); });
    nodes.push(el("p", { "class": "vav-lead", text: data.roleTexts[facts.role] || "" }),
      el("section", { "class": "vav-sa__category vav-sa__category--" + result.category, "aria-labelledby": "vav-sa-cat" }, [
        el("h3", { id: "vav-sa-cat", text: ui.sa_category_title.replace("{result}", data.categoryLabels[result.category]) }),
        el("p", { text: data.categoryTexts[result.category] }),
        el("p", { "class": "vav-sa__origin", text: ui.categories_origin }),
        el("p", { "class": "vav-disclaimer", text: ui.sa_disclaimer })]));
    notes.filter(function (n) { return !n.first && !n.link; }).forEach(function (n) { nodes = nodes.concat(noteNodes(n)); });
    var number = 0;
    data.groups.forEach(function (group) {
      var steps = result.steps.filter(function (s) { return s.group === group; });
      if (!steps.length) return;
      var list = el("ol", { start: String(number + 1), "class": "vav-sa__steps" });
      steps.forEach(function (s) {
        number += 1;
        var route = data.routes[s.recourse];
        list.appendChild(el("li", {}, [el("a", { href: route.url, text: route.title }), el("p", { text: route.summary })]));
      });
      nodes.push(el("h3", { text: data.groupTexts[group] }), list);
    });
    var people = el("ul", { "class": "vav-cards" });
    result.contacts.forEach(function (id) {
      var org = data.organisations[id];
      people.appendChild(el("li", { "class": "vav-card" }, [el("a", { "class": "vav-card__name", href: org.url, text: org.name }),
        org.phone ? document.createTextNode(" — ") : null,
        org.phone ? el("a", { href: org.phoneHref, text: org.phone }) : null]));
    });
    // the case file, to log evidence and write the letters: the ground the person named comes
    // along in the address's fragment, which never leaves the browser
    var ground = (questions.ground || { answers: [] }).answers.filter(function (a) {
      return a.value === facts.ground && ["other", "none", "unsure"].indexOf(a.value) < 0;
    })[0];
    nodes.push(el("p", { "class": "vav-sa__page" }, [el("a", { href: data.caseFile + (ground ? "#ground=" + encodeURIComponent(ground.text) : ""),
      text: ui.sa_case_file })]));
    // pages of the guide for the person's situation, after the steps
    notes.filter(function (n) { return n.link; }).forEach(function (n) { nodes = nodes.concat(noteNodes(n)); });
    nodes.push(el("h3", { text: ui.sa_contacts_title }), people);
    var copyArea = el("textarea", { "class": "vav-sa__copy", readonly: "readonly", rows: "8", hidden: "hidden", "aria-label": ui.sa_copy });
    nodes.push(el("div", { "class": "vav-sa__nav vav-no-print" }, [
      button(ui.sa_print, function () { window.print(); }, true),
      button(ui.sa_copy, function () { copyPlan(nodes, copyArea); }),
      button(ui.sa_change, function () { state.screen = "summary"; show(true); }),
      button(ui.sa_restart, restart)]), copyArea);
    return nodes;
  }

  function planText(nodes) {
    var holder = el("div", {}, nodes.slice(0, -2).map(function (n) { return n.cloneNode(true); }));
    var lines = [];
    holder.querySelectorAll("h2, h3, p, li > a, li").forEach(function (n) {
      if (n.tagName === "LI") return;
      var prefix = n.tagName === "H3" ? "\n## " : n.tagName === "H2" ? "# " : n.tagName === "A" ? "- " : "";
      var suffix = n.tagName === "A" && n.getAttribute("href").indexOf("tel:") !== 0 ? " (" + new URL(n.getAttribute("href"), location.href).href + ")" : "";
      lines.push(prefix + n.textContent.trim() + suffix);
    });
    return lines.join("\n");
  }
  function copyPlan(nodes, area) {
    var text = planText(nodes);
    area.value = text;
    var done = function () { say(ui.sa_copied); };
    var failed = function () { area.hidden = false; area.select(); say(ui.sa_copy_failed); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, failed);
    else failed();
  }

  function storageControls() {
    var box = el("input", { type: "checkbox", id: "vav-sa-remember" });
    box.checked = state.remember;
    box.addEventListener("change", function () { state.remember = box.checked; save(); });
    return el("div", { "class": "vav-sa__storage vav-no-print" }, [
      el("p", { "class": "vav-sa__privacy", text: ui.sa_privacy }),
      el("p", {}, [box, document.createTextNode(" "), el("label", { "for": "vav-sa-remember", text: ui.sa_remember })]),
      button(ui.sa_forget, forget)]);
  }

  function show(moveFocus) {
    save();
    document.body.classList.toggle("vav-sa-result", state.screen === "result"); // print only the plan
    var screen = state.screen === "summary" ? summaryScreen()
      : state.screen === "result" ? resultScreen() : questionScreen(questions[state.screen]);
    app.textContent = "";
    screen.forEach(function (n) { if (n) app.appendChild(n); });
    app.appendChild(storageControls());
    app.appendChild(live);
    if (!moveFocus) return; // on arrival, leave the reader at the top of the page
    var focus = app.querySelector("#vav-sa-title");
    if (focus.hidden) focus = app.querySelector("legend") || focus;
    focus.setAttribute("tabindex", "-1");
    focus.focus();
  }

  // The tests compare these rules with the Python ones on every path.
  window.vavSelfAssessment = { plan: plan, nextScreen: function (id, facts) { return first(questions[id].next, facts, "to"); } };

  load();
  root.querySelector("[data-vav-sa-static]").hidden = true;
  app.hidden = false;
  show(false);
})();
