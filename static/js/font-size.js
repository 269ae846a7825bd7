// 字号 buttons on articles: the reader's choice is kept in this browser and applied to every
// article. The page may come from a cache, so the choice is applied here, not by the server.
(function () {
  "use strict";
  var article = document.querySelector(".article");
  var group = document.querySelector(".js-font-size");
  if (!article || !group) return;
  var KEY = "wenming-font-size";
  var buttons = group.querySelectorAll("button[data-size]");

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function apply(size) {
    article.dataset.fontSize = size;
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.size === size));
    });
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      apply(button.dataset.size);
      try { window.localStorage.setItem(KEY, button.dataset.size); } catch (e) { /* private mode */ }
    });
  });
  var size = remembered();
  apply(size === "small" || size === "large" ? size : "medium");
  group.hidden = false;
})();
