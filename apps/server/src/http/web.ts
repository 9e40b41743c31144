import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

/**
 * Serves the built web app with history fallback: any GET that is not an API route and not a file answers
 * index.html, so deep links such as /verify-email?token=… open the right page.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // One wildcard route looks files up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: false,
      cacheControl: false,
      // Hashed asset names never change content, so browsers may keep them; index.html is always revalidated.
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  if (hasWeb) {
    // The wildcard file route would treat `/` as a directory listing; the root is the app itself.
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && hasWeb;
    if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply
      .code(404)
      .send(errorBody(request, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}
