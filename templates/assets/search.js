// Search as you type, over the index built with the site (assets/search-index.js, a script so
// that it loads from file:// too). The index holds every heading and task of the handbook (tens
// of megabytes for thousands of documents), so it is loaded only once the search box is used,
// not with every page. Without JavaScript the form opens search.html, a plain list.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) { return; }
  var index = null;
  var loading = false;
  var root = form.getAttribute("data-root") || "";
  var input = form.querySelector("input[type=search]");
  var panel = form.querySelector(".search-results");
  var list = panel.querySelector("ol");
  var count = panel.querySelector(".search-count");
  var weights = { document: 4, runbook: 3, heading: 2, task: 1 };
  var kinds = { document: "Document", runbook: "Runbook", heading: "Section", task: "Task" };
  var boundary = /[^\p{L}\p{N}]/u;

  function terms(query) {
    return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (term) { return term.length > 0; });
  }

  function score(entry, words, phrase) {
    var text = entry.t.toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i += 1) {
      var at = text.indexOf(words[i]);
      if (at < 0) { return 0; }
      total += at === 0 || boundary.test(text.charAt(at - 1)) ? 3 : 1;
    }
    if (text.indexOf(phrase) >= 0) { total += 5; }
    if (text === phrase) { total += 5; }
    return total * 10 + weights[entry.k] - text.length / 1000;
  }

  function highlight(element, text, words) {
    var lower = text.toLowerCase();
    var marks = [];
    words.forEach(function (word) {
      var from = 0;
      var at;
      while ((at = lower.indexOf(word, from)) >= 0) { marks.push([at, at + word.length]); from = at + word.length; }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var position = 0;
    marks.forEach(function (mark) {
      if (mark[0] < position) { return; }
      element.appendChild(document.createTextNode(text.slice(position, mark[0])));
      var marked = document.createElement("mark");
      marked.textContent = text.slice(mark[0], mark[1]);
      element.appendChild(marked);
      position = mark[1];
    });
    element.appendChild(document.createTextNode(text.slice(position)));
  }

  // Adds the index's script to the page once; `show` runs again when it has arrived.
  function loadIndex() {
    if (index !== null || loading) { return; }
    loading = true;
    var script = document.createElement("script");
    script.src = root + "assets/search-index.js";
    script.addEventListener("load", function () {
      index = window.CAIRN_SEARCH_INDEX || [];
      show(input.value);
    });
    script.addEventListener("error", function () {
      loading = false;
      count.textContent = "The search index could not be loaded.";
      panel.hidden = false;
    });
    document.head.appendChild(script);
  }

  function show(query) {
    var words = terms(query);
    list.textContent = "";
    if (words.length === 0) { panel.hidden = true; return; }
    if (index === null) {
      loadIndex();
      count.textContent = "Loading the search index…";
      panel.hidden = false;
      return;
    }
    var phrase = query.toLowerCase().trim();
    var results = [];
    index.forEach(function (entry) {
      var value = score(entry, words, phrase);
      if (value > 0) { results.push({ entry: entry, score: value }); }
    });
    results.sort(function (a, b) { return b.score - a.score; });
    count.textContent = results.length === 0 ? "Nothing found." : results.length + " found" + (results.length > 12 ? "; the best 12:" : ":");
    results.slice(0, 12).forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + result.entry.u;
      highlight(link, result.entry.t, words);
      var context = document.createElement("span");
      context.className = "search-context";
      context.textContent = kinds[result.entry.k] + " · " + result.entry.d;
      item.appendChild(link);
      item.appendChild(context);
      list.appendChild(item);
    });
    panel.hidden = false;
  }

  input.addEventListener("focus", loadIndex);
  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { panel.hidden = true; }
  });
  form.addEventListener("submit", function (event) {
    var first = list.querySelector("a");
    if (first) { event.preventDefault(); window.location.href = first.href; }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; show(query); }
}());
