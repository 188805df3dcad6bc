/* The case file: an evidence log, letters and a tracker of steps that never leave the device.
   Nothing is sent anywhere: files are hashed with Web Crypto, kept in memory (this tab) and, only
   when the person asks, in IndexedDB, encrypted with AES-GCM when they choose a passphrase.
   Without this script (or without Web Crypto) the page is the by-hand version: capture advice,
   how to keep evidence on paper, and each letter as a page with blanks.
   Size budget: 12 KB gzipped, minified (scripts/benchmark case-file prints it). */
(function () {
  "use strict";
  var root = document.querySelector("[data-vav-cf]");
  if (!root || !window.crypto || !crypto.subtle || !window.indexedDB) return;
  var data = JSON.parse(document.getElementById("vav-cf-data").textContent);
  var ui = data.ui;
  var app = root.querySelector("[data-vav-cf-app]");
  var PLACEHOLDER = new RegExp(data.placeholder, "g"); // one description with the build (visavis/letters.py)
  var ITERATIONS = 600000; // PBKDF2-SHA256, OWASP's 2023 figure
  var enc = new TextEncoder();
  var dec = new TextDecoder();

  var state = empty(); // what dossier.json holds (without format and dates of export)
  var contents = {}; // file path in the dossier -> Blob, in memory
  var store = null; // null while the log lives in this tab only; {db, key} once kept on this device
  var counter = 0;

  function empty() { return { items: [], steps: [], contact: {} }; }
  function $(sel) { return root.querySelector(sel); }
  function $$(sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function say(sel, text) { var el = $(sel); if (el) el.textContent = text || ""; }
  function t(key, values) {
    return (ui[key] || key).replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  // A list of facts: [[label key, value]…]; a fact without a value is left out.
  function facts(rows) {
    var dl = el("dl", null, "vav-facts");
    rows.forEach(function (row) {
      if (!row[1]) return;
      dl.appendChild(el("dt", t(row[0])));
      dl.appendChild(el("dd", row[1]));
    });
    return dl;
  }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function sha256(bytes) { return crypto.subtle.digest("SHA-256", bytes).then(hex); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  // ISO 8601 with this device's offset from UTC at that date: 2026-12-01T21:14:00+01:00
  function isoLocal(d) {
    var off = -d.getTimezoneOffset(), sign = off < 0 ? "-" : "+";
    off = Math.abs(off);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" +
      pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + sign + pad(Math.floor(off / 60)) + ":" + pad(off % 60);
  }
  function isoDate(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function shownDate(iso) {
    if (!iso) return "";
    var d = new Date(iso.length === 10 ? iso + "T12:00:00" : iso);
    var opts = { day: "numeric", month: "long", year: "numeric" };
    if (iso.length > 10) { opts.hour = "2-digit"; opts.minute = "2-digit"; }
    var text = new Intl.DateTimeFormat(data.lang + "-BE", opts).format(d);
    return iso.length > 10 ? text + " (UTC" + iso.slice(-6) + ")" : text;
  }
  // A period in months ends on the same day of the month, or on the month's last day when it has
  // no such day (Regulation 1182/71, art. 3): 31 January + 1 month = 28 or 29 February.
  function addPeriod(iso, months, days) {
    var p = iso.split("-").map(Number), y = p[0], m = p[1] - 1 + months, d = p[2];
    var last = new Date(y, m + 1, 0).getDate();
    var out = new Date(y, m, Math.min(d, last));
    out.setDate(out.getDate() + days);
    return isoDate(out);
  }
  function safeName(name) { return (name || "file").replace(/[^A-Za-z0-9._-]+/g, "_").slice(-80); }
  function platformName(item) {
    var known = data.platforms.filter(function (p) { return p.id === item.platform; })[0];
    return known ? known.name : item.platform_name || "";
  }
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function stamp() { return isoLocal(new Date()).slice(0, 10); }

  /* ---- Keeping on this device (IndexedDB), encrypted when there is a passphrase ---- */
  function request(r) {
    return new Promise(function (ok, ko) { r.onsuccess = function () { ok(r.result); }; r.onerror = function () { ko(r.error); }; });
  }
  function openDb() {
    var r = indexedDB.open(data.database, 1);
    r.onupgradeneeded = function () { r.result.createObjectStore("records"); };
    return request(r);
  }
  function records(db, mode) { return db.transaction("records", mode).objectStore("records"); }
  function put(key, value) { return request(records(store.db, "readwrite").put(value, key)); }
  function get(db, key) { return request(records(db, "readonly").get(key)); }
  function deriveKey(passphrase, salt) {
    return crypto.subtle.importKey("raw", enc.encode(passphrase), "PBKDF2", false, ["deriveKey"]).then(function (base) {
      return crypto.subtle.deriveKey({ name: "PBKDF2", salt: salt, iterations: ITERATIONS, hash: "SHA-256" }, base,
        { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    });
  }
  function seal(key, bytes) {
    if (!key) return Promise.resolve(bytes);
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return crypto.subtle.encrypt({ name: "AES-GCM", iv: iv }, key, bytes).then(function (c) { return { iv: iv, data: c }; });
  }
  function open(key, value) { return key ? crypto.subtle.decrypt({ name: "AES-GCM", iv: value.iv }, key, value.data) : Promise.resolve(value); }
  function saveState() {
    if (!store) return Promise.resolve();
    var json = JSON.stringify({ state: state, counter: counter });
    return seal(store.key, store.key ? enc.encode(json) : json).then(function (v) { return put("state", v); });
  }
  function saveFile(path) {
    if (!store) return Promise.resolve();
    return (store.key ? contents[path].arrayBuffer() : Promise.resolve(contents[path])).then(function (b) {
      return seal(store.key, b);
    }).then(function (v) { return put("file:" + path, v); });
  }
  function saved() { return saveState().catch(function (e) { say("[data-vav-cf-status]", String(e)); }); }
  function keep() {
    var pass = $("#vav-cf-pass").value;
    if (pass && pass.length < 8) { say("[data-vav-cf-status]", t("case_pass_short")); $("#vav-cf-pass").focus(); return; }
    var salt = crypto.getRandomValues(new Uint8Array(16));
    return Promise.all([openDb(), pass ? deriveKey(pass, salt) : null]).then(function (r) {
      store = { db: r[0], key: r[1] };
      return seal(store.key, enc.encode("vis-a-vis")).then(function (check) {
        return put("meta", { locked: !!pass, salt: salt, check: check });
      });
    }).then(function () {
      return Promise.all(Object.keys(contents).map(saveFile));
    }).then(saveState).then(function () { $("#vav-cf-pass").value = ""; status(); });
  }
  function load(db, key) {
    return get(db, "state").then(function (v) { return v ? open(key, v) : null; }).then(function (v) {
      if (!v) return;
      var kept = JSON.parse(typeof v === "string" ? v : dec.decode(v));
      state = kept.state;
      counter = kept.counter;
      var paths = [];
      state.items.forEach(function (i) { i.files.forEach(function (f) { paths.push(f); }); });
      return Promise.all(paths.map(function (f) {
        return get(db, "file:" + f.path).then(function (v) { return open(key, v); }).then(function (b) {
          contents[f.path] = b instanceof Blob ? b : new Blob([b], { type: f.type });
        });
      }));
    }).then(function () { store = { db: db, key: key }; render(); status(); });
  }
  function unlock() {
    var pass = $("#vav-cf-unlock-pass").value;
    openDb().then(function (db) {
      return get(db, "meta").then(function (meta) {
        return deriveKey(pass, meta.salt).then(function (key) {
          return open(key, meta.check).then(function () { return load(db, key); }, function () {
            db.close();
            say("[data-vav-cf-unlock-error]", t("case_unlock_wrong"));
            $("#vav-cf-unlock-pass").select();
          });
        });
      });
    });
  }
  function erase() {
    if (!window.confirm(t("case_erase_confirm"))) return;
    if (store) store.db.close();
    store = null;
    state = empty();
    contents = {};
    counter = 0;
    request(indexedDB.deleteDatabase(data.database)).then(function () {
      render();
      status();
      say("[data-vav-cf-status]", t("case_erased"));
    });
  }
  // Someone comes near a shared device: close the locked log now (reopening needs the passphrase).
  function lock() {
    store.db.close();
    store = null;
    state = empty();
    contents = {};
    counter = 0;
    render();
    start().then(function () { $("#vav-cf-unlock-pass").focus(); });
  }
  function status() {
    $("[data-vav-cf-action=lock]").hidden = !(store && store.key);
    $("[data-vav-cf-unlock]").hidden = true;
    $("[data-vav-cf-keep]").hidden = !!store;
    say("[data-vav-cf-status]", !store ? t("case_storage_tab") : store.key ? t("case_storage_locked") : t("case_storage_device"));
  }
  // Only a database that exists is opened: opening one would create it before the person asks.
  function start() {
    var list = indexedDB.databases ? indexedDB.databases() : Promise.resolve([]);
    return list.then(function (dbs) {
      if (!dbs.some(function (d) { return d.name === data.database; })) return status();
      return openDb().then(function (db) {
        return get(db, "meta").then(function (meta) {
          if (!meta) { db.close(); return status(); }
          if (!meta.locked) return load(db, null);
          db.close();
          $("[data-vav-cf-keep]").hidden = true;
          $("[data-vav-cf-action=lock]").hidden = true;
          $("[data-vav-cf-unlock]").hidden = false;
          say("[data-vav-cf-status]", t("case_locked_found"));
        });
      });
    });
  }
  // Leaving with a log kept nowhere loses it: warn, except when the quick exit is leaving.
  window.addEventListener("beforeunload", function (event) {
    if (store || (!state.items.length && !state.steps.length)) return;
    if (document.documentElement.classList.contains("vav-leaving")) return;
    event.preventDefault();
    event.returnValue = t("case_unsaved_warning");
  });

  /* ---- Evidence log ---- */
  function addItem(event) {
    event.preventDefault();
    var form = event.target;
    var url = form.url.value.trim(), seen = form.seen_at.value;
    say("[data-vav-cf-form-error]", "");
    if (!url) { say("[data-vav-cf-form-error]", t("case_form_need_url")); form.url.focus(); return; }
    if (!seen) { say("[data-vav-cf-form-error]", t("case_form_need_date")); form.seen_at.focus(); return; }
    var minor = form.minor.checked;
    var files = minor ? [] : Array.prototype.slice.call(form.files.files);
    counter += 1;
    var id = "item-" + counter;
    var item = {
      id: id, platform: form.platform.value || null, platform_name: form.platform.value ? "" : form.platform_name.value.trim(),
      url: url, account: form.account.value.trim(), seen_at: isoLocal(new Date(seen)),
      description: form.description.value.trim(), files: []
    };
    if (item.platform) item.platform_name = platformName(item);
    say("[data-vav-cf-form-error]", files.length ? t("case_hashing") : "");
    files.reduce(function (chain, file, n) {
      return chain.then(function () { return file.arrayBuffer(); }).then(sha256).then(function (digest) {
        var path = "files/" + id + "/" + (n + 1) + "-" + safeName(file.name);
        item.files.push({ path: path, name: file.name, type: file.type || "", size: file.size, sha256: digest, added_at: isoLocal(new Date()) });
        contents[path] = file;
        return saveFile(path);
      });
    }, Promise.resolve()).then(function () {
      state.items.push(item);
      form.reset();
      seenNow();
      minorChanged();
      render();
      say("[data-vav-cf-form-error]", t("case_added"));
      return saved();
    });
  }
  // Most evidence is logged as it is seen: the time starts at now, to correct if it was earlier.
  function seenNow() { $("#vav-cf-seen").value = isoLocal(new Date()).slice(0, 16); }
  function minorChanged() {
    var minor = $("#vav-cf-minor").checked;
    $("[data-vav-cf-minor-why]").hidden = !minor;
    var input = $("#vav-cf-files");
    input.disabled = minor;
    if (minor) input.value = ""; // a file already chosen is dropped, never read
  }
  function removeItem(id) {
    var item = state.items.filter(function (i) { return i.id === id; })[0];
    state.items = state.items.filter(function (i) { return i.id !== id; });
    item.files.forEach(function (f) {
      delete contents[f.path];
      if (store) request(records(store.db, "readwrite").delete("file:" + f.path));
    });
    render();
    saved();
  }
  function renderItems() {
    var list = $("[data-vav-cf-items]");
    list.textContent = "";
    if (!state.items.length) list.appendChild(el("li", t("case_no_items"), "vav-cf__empty"));
    state.items.forEach(function (item, n) {
      var li = el("li");
      li.appendChild(el("h3", t("case_item") + " " + (n + 1)));
      li.appendChild(facts([["case_platform", platformName(item)], ["case_url", item.url], ["case_account", item.account],
        ["case_seen_at", shownDate(item.seen_at)], ["case_description", item.description]]));
      if (item.files.length) {
        var table = el("table", null, "vav-cf__files");
        table.appendChild(el("caption", t("case_files")));
        var head = el("tr");
        ["case_file_name", "case_file_size", "case_sha256"].forEach(function (k) {
          var th = el("th", t(k)); th.scope = "col"; head.appendChild(th);
        });
        table.appendChild(head);
        item.files.forEach(function (f) {
          var tr = el("tr");
          tr.appendChild(el("td", f.name));
          tr.appendChild(el("td", String(f.size)));
          var td = el("td"); td.appendChild(el("code", f.sha256)); tr.appendChild(td);
          table.appendChild(tr);
        });
        li.appendChild(table);
      }
      var remove = el("button", t("case_remove"), "md-button");
      remove.type = "button";
      remove.setAttribute("aria-label", t("case_remove") + " : " + t("case_item") + " " + (n + 1));
      remove.addEventListener("click", function () { removeItem(item.id); });
      li.appendChild(remove);
      list.appendChild(li);
    });
  }

  /* ---- Letters ---- */
  function letter() { return data.letters.filter(function (l) { return l.id === $("#vav-cf-letter").value; })[0]; }
  function chosenItems() {
    var id = $("#vav-cf-letter-item").value;
    return state.items.filter(function (i) { return !id || i.id === id; });
  }
  function evidenceList(items) {
    return items.map(function (item, n) {
      var lines = [t("case_evidence_item", { n: n + 1, url: item.url, platform: platformName(item) || "-",
        account: item.account || "-", seen_at: shownDate(item.seen_at) })];
      item.files.forEach(function (f) { lines.push(t("case_evidence_file", { name: f.name, size: f.size, sha256: f.sha256 })); });
      return lines.join("\n");
    }).join("\n");
  }
  function letterValues() {
    var items = chosenItems();
    var values = {};
    Object.keys(state.contact).forEach(function (k) { values[k] = state.contact[k]; });
    $$("[data-vav-cf-extra] input").forEach(function (input) {
      values[input.name] = input.type === "date" ? shownDate(input.value) : input.value;
    });
    function joined(f) { return items.map(f).filter(Boolean).filter(function (v, i, a) { return a.indexOf(v) === i; }).join("\n"); }
    values.today = shownDate(stamp());
    values.platform = joined(platformName);
    values.url = joined(function (i) { return i.url; });
    values.account = joined(function (i) { return i.account; });
    values.seen_at = joined(function (i) { return shownDate(i.seen_at); });
    values.description = joined(function (i) { return i.description; });
    values.evidence_list = items.length ? evidenceList(items) : "";
    return values;
  }
  // The same rule as visavis/letters.py fill(): a field without a value is a visible blank.
  function fill(l, values) {
    function one(m, field) { var v = (values[field] || "").trim(); return v || "[" + t("case_field_" + field) + "]"; }
    return l.subject.replace(PLACEHOLDER, one).trim() + "\n\n" + l.body.replace(PLACEHOLDER, one).trim() + "\n";
  }
  var edited = false;
  function renderLetter() {
    var l = letter();
    var values = letterValues();
    $$("[data-vav-cf-extra]").forEach(function (p) { p.hidden = l.fields.indexOf(p.getAttribute("data-vav-cf-extra")) < 0; });
    var select = $("#vav-cf-letter-item"), chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    state.items.forEach(function (item, n) {
      select.add(new Option(t("case_item") + " " + (n + 1) + " — " + item.url, item.id, false, item.id === chosen));
    });
    say("[data-vav-cf-letter-to]", t("case_letter_to_line", { to: l.to, how: l.how_to_send }));
    var missing = l.required.filter(function (f) { return !(values[f] || "").trim(); });
    say("[data-vav-cf-letter-missing]", missing.length ? t("case_letter_missing", {
      fields: missing.map(function (f) { return t("case_field_" + f); }).join(", ") }) : "");
    // Words the person changed in the draft are kept until they ask to start again from the file.
    if (!edited) $("[data-vav-cf-letter-text]").value = fill(l, values);
    $("[data-vav-cf-action=redo-letter]").hidden = !edited;
    var basis = $("[data-vav-cf-letter-basis]");
    basis.textContent = "";
    l.basis.forEach(function (b) {
      var li = el("li"), a = el("a", b.title);
      a.href = b.url;
      a.rel = "noopener noreferrer";
      li.appendChild(a);
      basis.appendChild(li);
    });
    $("[data-vav-cf-email-confirm]").hidden = true;
  }
  function printText(title, text) {
    var area = $("[data-vav-cf-print]");
    area.textContent = "";
    area.appendChild(el("pre", text, "vav-cf__letter-print"));
    printArea(title);
  }
  function printArea(title) {
    var area = $("[data-vav-cf-print]"), html = document.documentElement, was = document.title;
    area.hidden = false;
    html.classList.add("vav-cf-printing");
    document.title = title;
    window.print();
    html.classList.remove("vav-cf-printing");
    area.hidden = true;
    document.title = was;
  }
  function letterAction(action) {
    var l = letter(), text = $("[data-vav-cf-letter-text]").value;
    if (action === "redo-letter") {
      edited = false;
      renderLetter();
    } else if (action === "copy") {
      navigator.clipboard.writeText(text).then(function () { say("[data-vav-cf-letter-done]", t("case_copied")); });
    } else if (action === "print-letter") {
      printText(l.title, text);
    } else if (action === "download-letter") {
      download(new Blob([text], { type: "text/plain;charset=utf-8" }), "vis-a-vis-" + l.id + "-" + stamp() + ".txt");
      say("[data-vav-cf-letter-done]", t("case_downloaded"));
    } else if (action === "email") {
      // Only on this click, after saying that e-mail leaves the device: the link is made here.
      var lines = text.split("\n"), subject = lines[0], body = lines.slice(2).join("\n");
      var link = $("[data-vav-cf-mailto]");
      link.href = "mailto:" + (l.email || "") + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
      $("[data-vav-cf-email-confirm]").hidden = false;
      link.focus();
    }
  }

  /* ---- Steps and deadlines ---- */
  function stage(id) { return data.stages.filter(function (s) { return s.id === id; })[0]; }
  function deadlines(step) {
    var s = stage(step.stage), out = [];
    s.deadlines.forEach(function (d) {
      var from = d.from === "taken" ? step.date : step.decision_date;
      if (from) out.push({ date: addPeriod(from, d.months, d.days), label: d.label, basis: d.basis, url: d.url });
    });
    return out;
  }
  function addStep(event) {
    event.preventDefault();
    var form = event.target;
    say("[data-vav-cf-step-error]", "");
    if (!form.date.value) { say("[data-vav-cf-step-error]", t("case_step_need_date")); form.date.focus(); return; }
    var s = stage(form.stage.value);
    state.steps.push({ stage: s.id, route: s.route, date: form.date.value, reference: form.reference.value.trim(),
      outcome: form.outcome.value, decision_date: form.decision_date.value });
    form.reset();
    render();
    saved();
  }
  function renderSteps() {
    var list = $("[data-vav-cf-steps]");
    list.textContent = "";
    if (!state.steps.length) list.appendChild(el("li", t("case_no_steps"), "vav-cf__empty"));
    state.steps.forEach(function (step, n) {
      var s = stage(step.stage) || { label: step.route, deadlines: [] }, li = el("li");
      li.appendChild(el("h3", s.label));
      li.appendChild(facts([["case_step_date", shownDate(step.date)], ["case_step_reference_short", step.reference],
        ["case_outcome", step.outcome && t("case_outcome_" + step.outcome.replace("-", "_"))],
        ["case_decision_date", shownDate(step.decision_date)]]));
      var dated = deadlines(step);
      if (s.deadlines && !s.deadlines.length) li.appendChild(el("p", t("case_no_deadline")));
      dated.forEach(function (d) {
        var p = el("p", null, "vav-cf__deadline");
        p.appendChild(el("strong", d.label + " " + shownDate(d.date) + ". "));
        var a = el("a", d.basis); a.href = d.url; a.rel = "noopener noreferrer";
        p.appendChild(a);
        li.appendChild(p);
      });
      var next = (step.outcome === "refused" || step.outcome === "no-answer") && s.if_refused && stage(s.if_refused);
      if (next) {
        var p = el("p", t("case_next_if_refused") + " ", "vav-cf__next");
        var route = data.routes[next.route];
        var a = el("a", next.label); a.href = route.url; p.appendChild(a);
        var l = next.letter && data.letters.filter(function (x) { return x.id === next.letter; })[0];
        if (l) {
          var write = el("button", t("case_write_letter"), "md-button");
          write.type = "button";
          write.addEventListener("click", function () {
            $("#vav-cf-letter").value = l.id;
            renderLetter();
            $("#vav-cf-letter").focus();
          });
          p.appendChild(document.createTextNode(" "));
          p.appendChild(write);
        }
        li.appendChild(p);
      }
      var remove = el("button", t("case_remove"), "md-button");
      remove.type = "button";
      remove.setAttribute("aria-label", t("case_remove") + " : " + s.label);
      remove.addEventListener("click", function () { state.steps.splice(n, 1); render(); saved(); });
      li.appendChild(remove);
      list.appendChild(li);
    });
  }
  // A calendar file by hand: RFC 5545 needs a dozen lines here, which no small library does better.
  function ics() {
    var events = [];
    state.steps.forEach(function (step) {
      deadlines(step).forEach(function (d) { events.push([d.date.replace(/-/g, ""), d.label + " (" + stage(step.stage).label + ")", d.basis]); });
    });
    if (!events.length) { say("[data-vav-cf-dossier-status]", t("case_ics_none")); return; }
    function esc(s) { return s.replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n"); }
    function fold(line) { return line.match(/.{1,60}/g).join("\r\n "); }
    var now = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Vis-a-Vis//case file//" + data.lang.toUpperCase()];
    events.forEach(function (e, n) {
      lines.push("BEGIN:VEVENT", "UID:" + now + "-" + n + "@vis-a-vis", "DTSTAMP:" + now, "DTSTART;VALUE=DATE:" + e[0],
        "SUMMARY:" + esc(e[1]), "DESCRIPTION:" + esc(e[2]), "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    download(new Blob([lines.map(fold).join("\r\n") + "\r\n"], { type: "text/calendar" }), "vis-a-vis-" + stamp() + ".ics");
  }

  /* ---- Dossier: export and import (ZIP by fflate, loaded only now) ---- */
  var fflateReady = null;
  function zipLibrary() {
    fflateReady = fflateReady || new Promise(function (ok, ko) {
      var s = document.createElement("script");
      s.src = data.fflate;
      s.onload = function () { ok(window.fflate); };
      s.onerror = ko;
      document.head.appendChild(s);
    });
    return fflateReady;
  }
  function esc(s) { return String(s == null ? "" : s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function summaryBody(dossier) {
    var h = "<h1>" + esc(t("case_summary_title")) + "</h1><p>" + esc(t("case_created")) + " : " + esc(dossier.created) +
      "</p><p>" + esc(t("case_summary_verify")) + " <code>sha256sum -c SHA256SUMS</code></p>";
    dossier.items.forEach(function (item, n) {
      h += "<section><h2>" + esc(t("case_item")) + " " + (n + 1) + "</h2><table>";
      [["case_platform", item.platform_name], ["case_url", item.url], ["case_account", item.account],
       ["case_seen_at", item.seen_at], ["case_description", item.description]].forEach(function (r) {
        h += '<tr><th scope="row">' + esc(t(r[0])) + "</th><td>" + esc(r[1]) + "</td></tr>";
      });
      h += "</table>";
      if (item.files.length) {
        h += "<table><caption>" + esc(t("case_files")) + '</caption><tr><th scope="col">' + esc(t("case_file_name")) +
          '</th><th scope="col">' + esc(t("case_file_size")) + '</th><th scope="col">' + esc(t("case_added_at")) +
          '</th><th scope="col">SHA-256</th></tr>';
        item.files.forEach(function (f) {
          h += "<tr><td>" + esc(f.name) + "<br><code>" + esc(f.path) + "</code></td><td>" + f.size + "</td><td>" +
            esc(f.added_at) + "</td><td><code>" + esc(f.sha256) + "</code></td></tr>";
        });
        h += "</table>";
      }
      h += "</section>";
    });
    if (dossier.steps.length) {
      h += "<h2>" + esc(t("case_steps")) + '</h2><table><tr><th scope="col">' + esc(t("case_step_route")) + '</th><th scope="col">' +
        esc(t("case_step_date")) + '</th><th scope="col">' + esc(t("case_step_reference_short")) + "</th></tr>";
      dossier.steps.forEach(function (s) {
        h += "<tr><td>" + esc((stage(s.stage || "") || {}).label || s.route) + "</td><td>" + esc(s.date) + "</td><td>" + esc(s.reference) + "</td></tr>";
      });
      h += "</table>";
    }
    return h;
  }
  function dossierJson() {
    return {
      format: "vis-a-vis-dossier", version: 1, created: isoLocal(new Date()), language: data.lang, items: state.items,
      steps: state.steps,
      contact: state.contact
    };
  }
  function exportDossier() {
    say("[data-vav-cf-dossier-status]", t("case_working"));
    var dossier = dossierJson();
    var json = enc.encode(JSON.stringify(dossier, null, 2));
    var summary = enc.encode('<!doctype html><html lang="' + data.lang + '"><head><meta charset="utf-8"><title>' +
      esc(t("case_summary_title")) + "</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem}" +
      "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}" +
      "code{word-break:break-all}</style></head><body>" + summaryBody(dossier) + "</body></html>\n");
    var sums = [];
    return Promise.all([zipLibrary(), sha256(json), sha256(summary)]).then(function (r) {
      var fflate = r[0], chunks = [];
      sums.push([r[1], "dossier.json"], [r[2], "summary.html"]);
      var done = new Promise(function (ok, ko) {
        var zip = new fflate.Zip(function (err, chunk, final) {
          if (err) return ko(err);
          chunks.push(chunk);
          if (final) ok(new Blob(chunks, { type: "application/zip" }));
        });
        function add(path, bytes, deflate) {
          var entry = deflate ? new fflate.ZipDeflate(path, { level: 6 }) : new fflate.ZipPassThrough(path);
          zip.add(entry);
          entry.push(bytes, true);
        }
        add("dossier.json", json, true);
        add("summary.html", summary, true);
        // one file at a time, so that only one is read into memory at once
        var files = [];
        dossier.items.forEach(function (i) { i.files.forEach(function (f) { files.push(f); }); });
        files.reduce(function (chain, f) {
          return chain.then(function () { return contents[f.path].arrayBuffer(); }).then(function (b) {
            sums.push([f.sha256, f.path]);
            add(f.path, new Uint8Array(b), false); // photos and videos are already compressed
          });
        }, Promise.resolve()).then(function () {
          sums.sort(function (a, b) { return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; });
          add("SHA256SUMS", enc.encode(sums.map(function (s) { return s[0] + "  " + s[1] + "\n"; }).join("")), true);
          zip.end();
        }, ko);
      });
      return done.then(function (blob) {
        download(blob, "vis-a-vis-dossier-" + stamp() + ".zip");
        say("[data-vav-cf-dossier-status]", t("case_export_done", { n: dossier.items.length, files: fileCount(dossier) }));
      });
    });
  }
  function fileCount(dossier) { return dossier.items.reduce(function (n, i) { return n + i.files.length; }, 0); }
  // Verify everything before taking anything: a dossier is added whole or not at all.
  function importDossier(event) {
    var file = event.target.files[0];
    if (!file) return;
    say("[data-vav-cf-dossier-status]", t("case_working"));
    function refuse(reason) { say("[data-vav-cf-dossier-status]", t("case_import_refused", { reason: reason })); }
    Promise.all([zipLibrary(), file.arrayBuffer()]).then(function (r) {
      var entries, dossier;
      try {
        entries = r[0].unzipSync(new Uint8Array(r[1]));
        dossier = JSON.parse(dec.decode(entries["dossier.json"]));
        if (dossier.format !== "vis-a-vis-dossier" || dossier.version !== 1 || !Array.isArray(dossier.items)) throw new Error();
      } catch (e) { return refuse(t("case_import_bad")); }
      var listed = {};
      dec.decode(entries.SHA256SUMS || new Uint8Array()).split("\n").forEach(function (line) {
        var m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
        if (m) listed[m[2]] = m[1];
      });
      var checks = [];
      dossier.items.forEach(function (item, n) {
        (item.files || []).forEach(function (f) {
          var what = { n: n + 1, url: item.url, file: f.name };
          if (!entries[f.path]) { checks.push(Promise.reject(t("case_import_missing", what))); return; }
          checks.push(sha256(entries[f.path]).then(function (digest) {
            if (digest !== f.sha256 || (listed[f.path] && listed[f.path] !== f.sha256)) throw t("case_import_altered", what);
          }));
        });
      });
      return Promise.all(checks).then(function () {
        var added = 0, paths = [];
        dossier.items.forEach(function (item) {
          counter += 1;
          var id = "item-" + counter, copy = JSON.parse(JSON.stringify(item));
          copy.id = id;
          copy.files.forEach(function (f) {
            var path = "files/" + id + "/" + f.path.split("/").pop();
            contents[path] = new Blob([entries[f.path]], { type: f.type });
            paths.push(path);
            f.path = path;
          });
          state.items.push(copy);
          added += 1;
        });
        (dossier.steps || []).forEach(function (s) { state.steps.push(s); });
        Object.keys(dossier.contact || {}).forEach(function (k) { if (!state.contact[k]) state.contact[k] = dossier.contact[k]; });
        render();
        return Promise.all(paths.map(saveFile)).then(saved).then(function () {
          say("[data-vav-cf-dossier-status]", t("case_import_done", { n: added, steps: (dossier.steps || []).length }));
        });
      }, function (reason) { refuse(reason); });
    }, function () { refuse(t("case_import_bad")); }).then(function () { event.target.value = ""; });
  }

  /* ---- Wiring ---- */
  function render() {
    renderItems();
    renderSteps();
    $$("[data-vav-cf-contact]").forEach(function (input) { input.value = state.contact[input.name] || ""; });
    renderLetter();
  }
  var actions = {
    erase: erase, lock: lock, ics: ics, export: exportDossier,
    "print-summary": function () {
      var area = $("[data-vav-cf-print]");
      area.innerHTML = summaryBody(dossierJson()); // every value went through esc()
      printArea(t("case_summary_title"));
    }
  };
  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-vav-cf-action]");
    if (!button) return;
    var name = button.getAttribute("data-vav-cf-action");
    if (actions[name]) actions[name]();
    else letterAction(name);
  });
  $("[data-vav-cf-item-form]").addEventListener("submit", addItem);
  $("[data-vav-cf-step-form]").addEventListener("submit", addStep);
  // The platform, suggested from the address pasted (the rule of visavis/platforms.py): only while
  // the person has not chosen one.
  $("#vav-cf-url").addEventListener("change", function (event) {
    var select = $("#vav-cf-platform"), host;
    try { host = new URL(event.target.value.trim()).hostname.toLowerCase(); } catch (e) { return; }
    if (select.value) return;
    data.platforms.some(function (p) {
      var hit = p.domains.some(function (d) { return host === d || host.slice(-d.length - 1) === "." + d; });
      if (hit) select.value = p.id;
      return hit;
    });
  });
  $("#vav-cf-minor").addEventListener("change", minorChanged);
  $("[data-vav-cf-import]").addEventListener("change", importDossier);
  $("[data-vav-cf-letter-form]").addEventListener("input", function (event) {
    if (event.target.hasAttribute("data-vav-cf-contact")) {
      state.contact[event.target.name] = event.target.value;
      saved();
    }
    renderLetter();
  });
  $("[data-vav-cf-letter-form]").addEventListener("change", function (event) {
    if (event.target.id === "vav-cf-letter") edited = false; // another letter: a new draft
    renderLetter();
  });
  $("[data-vav-cf-letter-text]").addEventListener("input", function () { edited = true; renderLetter(); });
  $("[data-vav-cf-unlock]").addEventListener("submit", function (event) { event.preventDefault(); unlock(); });
  $("[data-vav-cf-keep]").addEventListener("submit", function (event) { event.preventDefault(); keep(); });
  // Brought from the self-assessment's plan in the address's fragment (never sent to a server);
  // taken out of the address at once.
  var brought = /[#&]ground=([^&]*)/.exec(location.hash);
  if (brought) {
    $("#vav-cf-ground").value = decodeURIComponent(brought[1]);
    history.replaceState(null, "", location.pathname + location.search);
  }
  app.hidden = false;
  seenNow();
  render();
  start();
})();
