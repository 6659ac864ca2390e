/*
 * wagtail-autocomplete (the searchable selector of the page editor) writes its
 * texts in English inside its React bundle, with no translation hook upstream:
 * "Nothing selected.", "Remove", the announcement of the suggestions. This
 * script swaps them, inside the widget only, for the French texts given in its
 * own data-texts attribute (from the site's translation catalogue), and again
 * whenever the widget renders: React only rewrites a text it changes, and then
 * the observer sees it.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var texts = JSON.parse((script && script.dataset.texts) || "{}");
  var WIDGET = "[data-autocomplete-input]";

  function translateText(node) {
    var french = texts[node.nodeValue];
    if (french !== undefined && node.parentElement && node.parentElement.closest(WIDGET)) {
      node.nodeValue = french;
    }
  }

  function translateTree(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      translateText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      translateText(walker.currentNode);
    }
  }

  function start() {
    translateTree(document.body);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "characterData") {
          translateText(record.target);
        } else {
          record.addedNodes.forEach(translateTree);
        }
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
