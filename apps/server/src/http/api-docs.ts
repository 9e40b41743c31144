import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { VERSION } from '../lib/version.js';
import { API_DOCS_CSS, API_DOCS_JS, apiDocsHtml, FAVICON, SKIP_LINK_JS } from './api-docs-page.js';
import { registerDocs } from './docs.js';
import { errorBody } from './errors.js';

/** Swagger UI's built files, as @fastify/swagger-ui ships them. */
const SWAGGER_UI_FILES = join(dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui')), 'static');

const ASSETS: Record<string, { type: string; body: string }> = {
  'portico.css': { type: 'text/css; charset=utf-8', body: API_DOCS_CSS },
  'portico.js': { type: 'text/javascript; charset=utf-8', body: API_DOCS_JS },
  'skip-link.js': { type: 'text/javascript; charset=utf-8', body: SKIP_LINK_JS },
  'favicon.svg': { type: 'image/svg+xml', body: FAVICON },
};

const publicRoute = { schema: { hide: true }, config: { access: 'public' as const } };

/**
 * /api/docs: the API reference, Portico's page around Swagger UI (api-docs-page.ts), served with the pages' headers
 * (security-headers.ts). /api/docs/json and /yaml answer the OpenAPI document, as they did before the page was ours.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  const page = apiDocsHtml(VERSION);
  const sendPage = (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  app.get('/api/docs', publicRoute, sendPage);
  app.get('/api/docs/', publicRoute, sendPage);
  app.get('/api/docs/assets/:file', publicRoute, (request, reply) => {
    const asset = ASSETS[(request.params as { file: string }).file];
    if (!asset) return reply.code(404).send(errorBody(request, 'NOT_FOUND', 'No such file'));
    return reply.header('content-type', asset.type).header('cache-control', 'no-cache').send(asset.body);
  });
  app.get('/api/docs/json', publicRoute, async () => app.swagger());
  app.get('/api/docs/yaml', publicRoute, (_request, reply) =>
    reply.type('application/x-yaml').send(app.swagger({ yaml: true })),
  );
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: SWAGGER_UI_FILES,
      prefix: '/api/docs/static/',
      decorateReply: false,
      index: false,
      allowedPath: (path) => /^\/swagger-ui(-bundle\.js|\.css)(\.map)?$/.test(path),
      // Unversioned names: kept a day, revalidated after.
      maxAge: '1d',
    });
  });
  registerDocs(app);
}
