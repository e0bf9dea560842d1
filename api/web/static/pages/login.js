/* The sign-in page: a token is given to /api/v1/session/sign-in, which keeps it in an HttpOnly cookie for the whole
 * browser (every tab is signed in, and no script can read it). */
"use strict";

(() => {
  const { $, api, detail, flash, pages, t } = Kanta;

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
    // The form is taken over before anything is asked of the API, so a quick submit never reaches the
    // browser's own submission (the form's POST to this page is refused; the token never enters an address).
    const form = $("#login-form");
    const error = $("#token-error");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const token = form.elements.token.value.trim();
      error.hidden = true;
      if (!token) {
        error.textContent = t("Paste your API token.");
        error.hidden = false;
        return;
      }
      const answer = await api("/api/v1/session/sign-in", { method: "POST", json: { token }, signIn: false });
      if (!answer.ok) {
        error.textContent = answer.status === 401 ? t("This token is not known.") : detail(answer);
        error.hidden = false;
        return;
      }
      flash(t("Logged in as {name} ({role}).", { name: answer.body.name, role: t(answer.body.role) }));
      location.assign(sameOriginPath(new URLSearchParams(location.search).get("next")));
    });
    const signedIn = await api("/api/v1/me", { signIn: false });
    if (signedIn.ok) {
      const result = $("#login-result");
      result.textContent = t("You are signed in as {name} ({role}).",
        { name: signedIn.body.name, role: t(signedIn.body.role) });
      result.hidden = false;
    }
  };
})();
