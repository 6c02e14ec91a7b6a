// Swagger UI for this server's API: reads /api/openapi.json. A file, not an inline script, so the page runs under the
// server's Content-Security-Policy (default-src 'self'). Requests made with "Try it out" carry the browser's session
// cookie; state-changing ones need the X-CSRF-Token (Authorize → csrf) or an API token (Authorize → bearer).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
