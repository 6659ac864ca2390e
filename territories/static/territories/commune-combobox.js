/*
 * Commune autocomplete: turns the commune search input into an ARIA 1.2
 * combobox (list autocomplete, no automatic selection).
 * Without JavaScript the form still submits to the result list.
 * The form declares it with data attributes: data-commune-combobox,
 * data-autocomplete-url; data-combobox-input (the input's name, "q" by
 * default); data-combobox-fill (choosing fills the input with "Name (INSEE
 * code)" instead of opening the commune page, for a form that asks for a
 * commune); data-combobox-params and data-combobox-fragment (added to the
 * commune page's address, e.g. "programme=12" and "programme-12").
 * Keys: ArrowDown/ArrowUp move through suggestions, Enter opens the commune,
 * Escape closes the list (or clears the input when already closed).
 */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var MIN_CHARS = 2;

  function enhance(form) {
    var input = form.querySelector("input[name=" + (form.getAttribute("data-combobox-input") || "q") + "]");
    var url = form.getAttribute("data-autocomplete-url");
    if (!input || !url || !window.fetch) return;
    var fill = form.hasAttribute("data-combobox-fill");
    var params = form.getAttribute("data-combobox-params");
    var fragment = form.getAttribute("data-combobox-fragment");

    var wrapper = input.parentNode;
    wrapper.classList.add("anct-commune-combobox");
    var listId = input.id + "-listbox";
    var list = document.createElement("ul");
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Communes proposées");
    list.className = "anct-combobox__listbox";
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("p");
    status.className = "fr-sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var lastQuery = null;
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!items.length) return close();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function setActive(index) {
      var options = list.querySelectorAll("[role=option]");
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = index;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) return;
      close();
      if (fill) {
        input.value = item.name + " (" + item.code + ")";
        lastQuery = input.value.trim();
        status.textContent = "Commune choisie : " + input.value + ".";
        return;
      }
      input.value = item.label;
      window.location.assign(item.url + (params ? "?" + params : "") + (fragment ? "#" + fragment : ""));
    }

    function render(results) {
      items = results;
      list.innerHTML = "";
      results.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "anct-combobox__option";
        var name = document.createElement("span");
        name.className = "anct-combobox__name";
        name.textContent = item.name + " (" + item.departement + ")";
        option.appendChild(name);
        var detail = document.createElement("span");
        detail.className = "anct-combobox__detail";
        var parts = [item.departement_name];
        if (item.postal_codes.length) parts.push(item.postal_codes.slice(0, 3).join(", "));
        if (item.former_name) parts.push("anciennement " + item.former_name);
        detail.textContent = parts.join(" · ");
        option.appendChild(detail);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(index); });
        list.appendChild(option);
      });
      active = -1;
      status.textContent = results.length
        ? results.length + (results.length > 1 ? " communes proposées. Flèches haut et bas pour les parcourir." : " commune proposée.")
        : "Aucune commune proposée.";
      if (results.length) open(); else close();
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return open();
      lastQuery = query;
      if (query.length < MIN_CHARS) { items = []; list.innerHTML = ""; return close(); }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) render(data.results || []); })
        .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var count = items.length;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (list.hidden) { open(); if (event.altKey) return; }
          if (count) setActive((active + 1) % count);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (list.hidden) open();
          if (count) setActive(active <= 0 ? count - 1 : active - 1);
          break;
        case "Enter":
          if (!list.hidden && active >= 0) { event.preventDefault(); choose(active); }
          break;
        case "Escape":
          if (!list.hidden) { event.preventDefault(); close(); }
          else if (input.value) { event.preventDefault(); input.value = ""; lastQuery = null; }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function init() {
    var forms = document.querySelectorAll("form[data-commune-combobox]");
    for (var i = 0; i < forms.length; i++) enhance(forms[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
