// Counts the view and drives the like button. The article HTML may come from a cache,
// so the counts and the CSRF cookie are fetched fresh here.
(function () {
  "use strict";
  var article = document.querySelector(".article[data-article-id]");
  if (!article) return;
  var viewsEl = article.querySelector(".js-views");
  var likesEl = article.querySelector(".js-likes");
  var button = article.querySelector(".js-like");
  var buttonLabel = button.querySelector(".js-like-label");
  var errorEl = article.querySelector(".js-like-error");

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function show(data) {
    if (typeof data.views === "number") viewsEl.textContent = data.views;
    if (typeof data.likes === "number") likesEl.textContent = data.likes;
    if (data.liked) {
      button.setAttribute("aria-pressed", "true");
      button.classList.add("liked");
      buttonLabel.textContent = "已赞";
    }
  }

  function post(url) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) throw { message: data.error };
        return data;
      });
    });
  }

  var counted = post(article.dataset.viewUrl).then(show).catch(function () {});

  button.addEventListener("click", function () {
    if (button.getAttribute("aria-pressed") === "true") return;
    button.disabled = true;
    counted
      .then(function () { return post(article.dataset.likeUrl); })
      .then(show)
      .catch(function (error) {
        errorEl.textContent = (error && error.message && !(error instanceof Error))
          ? error.message : "点赞没有成功，请稍后再试。";
      })
      .then(function () { button.disabled = false; });
  });
})();
