/* The login page: a token is checked against /api/v1/me and kept for this tab. */
"use strict";

(() => {
  const { $, api, detail, flash, remember, caller, pages } = Kanta;

  // Where to go after logging in: the query's `next` only when it resolves to this site, read as the
  // browser reads it (so "/\evil.example/" or "/\t/evil.example" that a browser turns into another
  // host are refused); anything else goes home. An address from the query must not send the token's
  // holder elsewhere.
  function sameOriginPath(next) {
    if (!next) return "/";
    let url;
    try {
      url = new URL(next, location.origin);
    } catch {
      return "/";
    }
    if (url.origin !== location.origin || !next.startsWith("/")) return "/";
    return url.pathname + url.search + url.hash;
  }

  pages.login = async () => {
    const me = caller();
    const result = $("#login-result");
    if (me) {
      result.textContent = `You are logged in as ${me.name} (${me.role}).`;
      result.hidden = false;
    }
    const form = $("#login-form");
    const error = $("#token-error");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const token = form.elements.token.value.trim();
      error.hidden = true;
      if (!token) {
        error.textContent = "Paste your API token.";
        error.hidden = false;
        return;
      }
      const answer = await api("/api/v1/me", { token });
      if (!answer.ok) {
        error.textContent = answer.status === 401 ? "This token is not known." : detail(answer);
        error.hidden = false;
        return;
      }
      remember(token, answer.body);
      flash(`Logged in as ${answer.body.name} (${answer.body.role}).`);
      location.assign(sameOriginPath(new URLSearchParams(location.search).get("next")));
    });
  };
})();
