/*
 * The engineering request form shows only the fields of the chosen kind of
 * collectivité. Without JavaScript the server does it: the "Afficher le champ
 * de ce choix" button sends the choice and the form comes back with those
 * fields (nothing typed is lost). Here the choice switches them in place, so
 * the button goes; the département field is labelled as the kind needs
 * (the département itself, or the département of the seat).
 */
(function () {
  "use strict";

  var SEAT_KINDS = ["region", "autre"];

  function firstText(label) {
    for (var i = 0; i < label.childNodes.length; i++) {
      var node = label.childNodes[i];
      if (node.nodeType === 3 && node.nodeValue.trim()) return node;
    }
    return null;
  }

  function relabel(group, seat) {
    var label = group.querySelector("label");
    var hint = group.querySelector(".fr-hint-text");
    var text = label ? firstText(label) : null;
    var prefix = seat ? "data-seat-" : "data-own-";
    if (text) text.nodeValue = " " + group.getAttribute(prefix + "label") + " ";
    if (hint) hint.textContent = group.getAttribute(prefix + "hint");
  }

  function enhance(form) {
    var radios = form.querySelectorAll("input[name=collectivite_kind]");
    var groups = form.querySelectorAll("[data-collectivite-kinds]");
    var step = form.querySelector("[data-kind-step]");
    if (!radios.length) return;
    // Removed rather than hidden: it must not be the form's default button.
    if (step) step.parentNode.removeChild(step);

    function update() {
      var kind = "commune_epci";
      for (var i = 0; i < radios.length; i++) if (radios[i].checked) kind = radios[i].value;
      for (var j = 0; j < groups.length; j++) {
        var group = groups[j];
        group.hidden = group.getAttribute("data-collectivite-kinds").split(" ").indexOf(kind) < 0;
        if (group.hasAttribute("data-own-label")) relabel(group, SEAT_KINDS.indexOf(kind) >= 0);
      }
    }

    for (var k = 0; k < radios.length; k++) radios[k].addEventListener("change", update);
  }

  function init() {
    var form = document.getElementById("engineering-request-form");
    if (form) enhance(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
