import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { VERSION } from '../lib/version.js';
import { registerApiDocs } from './api-docs.js';

/** The OpenAPI 3.1 document is generated from the same zod schemas that validate requests (convention 5). */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Portico API',
        version: VERSION,
        description:
          'Self-hosted license portal. Errors are `{ "error": { "code", "message", "details", "requestId" } }`. ' +
          'Changes under /api/v1 accept an `Idempotency-Key` header: a retry with the same key and request gets the ' +
          'first answer again (`Idempotent-Replayed: true`) without running twice. The guide: [/docs/api.md](/docs/api.md).',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'portico.session_token' },
          // A desktop application's token from the device sign-in (scope `licensing`).
          bearer: { type: 'http', scheme: 'bearer', description: 'A token from the device sign-in (RFC 8628)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  await registerApiDocs(app);
}
