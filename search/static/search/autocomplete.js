/* Suggestions for the site's search fields (page titles and communes): an ARIA 1.2
 * combobox (list autocomplete). Enhancement only: without this script the forms
 * submit as usual. Arrow keys move in the list, Enter opens the chosen page or
 * commune, Escape closes the list.
 * Every element marked data-search-autocomplete is enhanced (the commune fields carry
 * their own combobox, territories/commune-combobox.js): the search page's field at
 * once, the header's field (data-autocomplete-lazy) when it first gets the focus, so
 * that a page holds a single combobox until the visitor uses the header search. */
(function () {
  "use strict";

  function enhance(bar) {
    if (bar.dataset.autocompleteReady) { return; }
    bar.dataset.autocompleteReady = "true";
    var input = bar.querySelector("input[type=search]");
    var url = bar.getAttribute("data-autocomplete-url");
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var options = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";

    list.id = input.id + "-suggestions";
    list.className = "search-autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    status.className = "fr-sr-only";
    status.setAttribute("role", "status");
    bar.classList.add("search-autocomplete");
    bar.appendChild(list);
    bar.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", options[index].id); }
      else { input.removeAttribute("aria-activedescendant"); }
    }

    function render(results) {
      list.textContent = "";
      options = results.map(function (result, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.className = "search-autocomplete__option";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.url = result.url;
        li.appendChild(document.createTextNode(result.title));
        var type = document.createElement("span");
        type.className = "search-autocomplete__type";
        type.textContent = result.type;
        li.appendChild(type);
        li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = result.url; });
        list.appendChild(li);
        return li;
      });
      var count = options.length;
      status.textContent = count ? count + (count > 1 ? " suggestions disponibles" : " suggestion disponible") : "";
      if (count) { list.hidden = false; input.setAttribute("aria-expanded", "true"); highlight(-1); }
      else { close(); }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 2) { render([]); return; }
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) { render(data.results || []); } })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % options.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active <= 0 ? options.length - 1 : active - 1); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = options[active].dataset.url; }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-search-autocomplete][data-autocomplete-url]"), function (bar) {
    if (bar.hasAttribute("data-autocomplete-lazy")) {
      bar.addEventListener("focusin", function () { enhance(bar); });
    } else {
      enhance(bar);
    }
  });
})();
