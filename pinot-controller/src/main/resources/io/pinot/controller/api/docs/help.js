// The controller's Swagger UI: every endpoint of /openapi.json, with "Try it out" and the curl command.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    docExpansion: 'none',
    filter: true,
    displayRequestDuration: true
  });
};
