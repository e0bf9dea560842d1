/* Starts Swagger UI at /docs from a file, as the Content-Security-Policy allows no inline script. */
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const container = document.getElementById("swagger-ui-container");
  const config = { url: container.dataset.specUrl, dom_id: "#swagger-ui-container" };
  window.ui = SwaggerUIBundle(Object.assign(config, JSON.parse(container.dataset.config || "{}")));
});
