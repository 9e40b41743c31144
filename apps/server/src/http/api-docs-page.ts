// The API reference page at /api/docs: Portico's own page, painted from its HTML and one small stylesheet, with
// Swagger UI loaded after the first paint by a deferred script. Only same-origin files, no inline script or
// style attribute: the page keeps the instance's Content-Security-Policy (security-headers.ts).

const MARK = `<svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
<rect width="32" height="32" rx="7" fill="#ffffff"/><path d="M9 25V7h8a6 6 0 0 1 0 12h-4v6z" fill="#3b5bdb"/>
<path d="M13 11v4h4a2 2 0 0 0 0-4z" fill="#ffffff"/></svg>`;

export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Portico</title><rect width="32" height="32" rx="7" fill="#3b5bdb"/><path d="M9 25V7h8a6 6 0 0 1 0 12h-4v6z" fill="#fff"/><path d="M13 11v4h4a2 2 0 0 0 0-4z" fill="#3b5bdb"/></svg>`;

/** The guides the instance serves from docs/ (http/docs.ts), linked from the page. */
const GUIDES = [
  { href: '/docs/api.md', label: 'API guide: errors, authentication, CSRF, paging, idempotency' },
  { href: '/docs/sdk.md', label: 'Licensing SDK and the portico-license CLI' },
  { href: '/docs/configuration.md', label: 'Configuration' },
  { href: '/docs/deployment.md', label: 'Deployment' },
];

export function apiDocsHtml(version: string): string {
  const guides = GUIDES.map((g) => `<li><a href="${g.href}">${g.label}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portico API reference</title>
<meta name="description" content="The REST API of this Portico instance, generated from the schemas that validate it.">
<link rel="icon" type="image/svg+xml" href="/api/docs/assets/favicon.svg">
<link rel="stylesheet" href="/api/docs/assets/portico.css">
<script src="/api/docs/assets/skip-link.js" defer></script>
<script src="/api/docs/assets/portico.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="bar">
<a class="brand" href="/">${MARK}<span>Portico</span></a>
<span class="bar-title">API reference</span>
<nav aria-label="API" class="bar-links"><a href="/docs">Guides</a><a href="/api/openapi.json">OpenAPI 3.1 (JSON)</a></nav>
</header>
<main id="main" tabindex="-1">
<section class="intro" aria-labelledby="title">
<h1 id="title">Portico API <span class="version">${version}</span></h1>
<p>Every endpoint of this instance, generated from the same schemas that validate its requests. Errors are
<code>{ "error": { "code", "message", "details", "requestId" } }</code>; changes under <code>/api/v1</code> accept an
<code>Idempotency-Key</code> header. Signed in to this instance in this browser, <strong>Try it out</strong> sends
requests as you.</p>
<ul class="guides">${guides}</ul>
</section>
<div id="swagger-ui"><p class="loading" role="status">Loading the reference…</p></div>
</main>
</body>
</html>
`;
}

export const API_DOCS_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212529;
  background: #f8f9fa; line-height: 1.5; }
a { color: #364fc7; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.skip-link { position: absolute; left: 12px; top: -100px; z-index: 10; padding: 8px 16px; background: #fff;
  color: #364fc7; border-radius: 8px; font-weight: 600; }
.skip-link:focus { top: 8px; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 10px 24px; background: #3b5bdb;
  color: #fff; }
.bar a { color: #fff; }
.brand { display: inline-flex; align-items: center; gap: 10px; font-weight: 700; font-size: 1.15rem;
  text-decoration: none; }
.bar-title { font-weight: 500; }
.bar-links { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-left: auto; font-size: 0.95rem; }
main { max-width: 1400px; margin: 0 auto; padding: 24px; }
main:focus { outline: none; }
.intro { max-width: 880px; }
.intro h1 { margin: 0 0 8px; font-size: 1.9rem; }
.version { font-size: 1rem; font-weight: 500; color: #495057; }
.guides { padding-left: 20px; }
.loading { color: #495057; }
#swagger-ui { margin-top: 8px; background: #fff; border-radius: 8px; }
/* The intro above says what Swagger UI's info block would; its scheme picker holds one server. The id makes these
   rules outrank Swagger UI's own, which load after this file. */
#swagger-ui .information-container, #swagger-ui .scheme-container { display: none; }
/* Swagger UI's greys and method colours, raised to WCAG AA contrast (4.5:1) on white and on their tints. */
#swagger-ui .swagger-ui .opblock-tag small, #swagger-ui .swagger-ui .opblock .opblock-summary-description,
#swagger-ui .swagger-ui .parameter__in, #swagger-ui .swagger-ui .parameter__type,
#swagger-ui .swagger-ui .prop-format, #swagger-ui .swagger-ui .response-col_links,
#swagger-ui .swagger-ui .renderedMarkdown p, #swagger-ui .swagger-ui .parameter__deprecated,
#swagger-ui .swagger-ui .model-hint, #swagger-ui .swagger-ui .prop-type { color: #495057; }
#swagger-ui .swagger-ui .opblock .opblock-summary-method { color: #fff; background: #343a40; }
#swagger-ui .swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1864ab; }
#swagger-ui .swagger-ui .opblock.opblock-post .opblock-summary-method { background: #237032; }
#swagger-ui .swagger-ui .opblock.opblock-put .opblock-summary-method { background: #a34700; }
#swagger-ui .swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #c92a2a; }
#swagger-ui .swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #087f5b; }
@media (max-width: 600px) { main { padding: 16px 12px; } .bar { padding: 10px 12px; } }
`;

/**
 * Loaded with `defer`: Swagger UI's stylesheet and script after the page has painted, then the reference of
 * /api/openapi.json in the base layout (no top bar of its own: the page's header is Portico's).
 */
export const API_DOCS_JS = `
(function () {
  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/api/docs/static/swagger-ui.css';
  document.head.appendChild(css);
  var script = document.createElement('script');
  script.src = '/api/docs/static/swagger-ui-bundle.js';
  script.onload = function () {
    var target = document.getElementById('swagger-ui');
    target.textContent = '';
    // Swagger UI's layout has a <main> of its own, inside the page's: one main landmark a page, so its becomes a
    // named region as soon as it appears.
    new MutationObserver(function () {
      target.querySelectorAll('main:not([role])').forEach(function (inner) {
        inner.setAttribute('role', 'region');
        inner.setAttribute('aria-label', 'Operations');
      });
    }).observe(target, { childList: true, subtree: true });
    window.ui = SwaggerUIBundle({
      url: '/api/openapi.json',
      dom_id: '#swagger-ui',
      layout: 'BaseLayout',
      // Off: its links sit inside each operation's button, a control within a control for the keyboard.
      deepLinking: false,
      docExpansion: 'list',
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
    });
  };
  script.onerror = function () {
    document.querySelector('#swagger-ui .loading').textContent =
      'The reference could not be loaded; the OpenAPI document is at /api/openapi.json.';
  };
  document.body.appendChild(script);
})();
`;

/** The skip link of the server's own pages moves the keyboard's focus, not only the scroll position, to the main. */
export const SKIP_LINK_JS = `
document.querySelector('.skip-link').addEventListener('click', function (event) {
  event.preventDefault();
  document.getElementById('main').focus();
});
`;
