import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.js';

/** The repository's docs/ folder, beside apps/ (from src/http and from dist/http alike). */
export const DEFAULT_DOCS_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../docs');

/** Every Markdown file under the folder, by its path relative to it (`api.md`, `adr/0003-csrf.md`). */
function markdownFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return files;
  }
  for (const name of names.sort()) {
    const path = name.split('\\').join('/');
    if (path.endsWith('.md')) files.set(path, join(root, name));
  }
  return files;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function indexHtml(paths: string[]): string {
  const items = paths.map((p) => `<li><a href="/docs/${escapeHtml(p)}">${escapeHtml(p)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portico guides</title>
<link rel="icon" type="image/svg+xml" href="/api/docs/assets/favicon.svg">
<link rel="stylesheet" href="/api/docs/assets/portico.css">
<script src="/api/docs/assets/skip-link.js" defer></script></head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="bar"><a class="brand" href="/"><span>Portico</span></a><span class="bar-title">Guides</span>
<nav aria-label="Guides" class="bar-links"><a href="/api/docs">API reference</a></nav></header>
<main id="main" tabindex="-1"><section class="intro"><h1>Guides</h1>
<p>The documentation of this Portico instance, as plain Markdown text.</p>
<ul class="guides">${items}</ul></section></main>
</body></html>
`;
}

/**
 * /docs: the guides of docs/ served by the instance itself, as plain text (Markdown reads well as it is), so the
 * API reference and error messages can link to the version that runs rather than to a repository. Only the Markdown
 * files found at start-up are served: a path is a key of that list, never joined onto the folder.
 */
export function registerDocs(app: FastifyInstance, root = DEFAULT_DOCS_ROOT): void {
  const files = markdownFiles(root);
  // The guides first, then the decision records of adr/.
  const depth = (path: string) => path.split('/').length;
  const index = indexHtml([...files.keys()].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b)));
  const options = { schema: { hide: true }, config: { access: 'public' as const } };
  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  app.get('/docs', options, sendIndex);
  app.get('/docs/*', options, async (request, reply) => {
    const wanted = (request.params as { '*': string })['*'];
    if (wanted === '') return sendIndex(request, reply);
    const file = files.get(wanted);
    if (!file) return reply.code(404).send(errorBody(request, 'NOT_FOUND', `No guide ${wanted}`));
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await readFile(file, 'utf8'));
  });
}
