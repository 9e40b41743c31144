import { Instance } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { VERSION } from '../../lib/version.js';

/** Liveness, readiness and the public facts the web app needs before anyone signs in. */
export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const status = z.object({ status: z.string() });

  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: 'The process is alive', response: { 200: status } } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    { schema: { tags: ['system'], summary: 'The database answers', response: { 200: status } } },
    async () => {
      try {
        await sql`select 1`.execute(app.deps.db);
      } catch {
        throw new AppError('UNAVAILABLE', 'The database does not answer');
      }
      return { status: 'ready' };
    },
  );

  app.get(
    '/api/v1/instance',
    {
      schema: {
        tags: ['system'],
        summary: 'Public facts about this Portico instance',
        response: { 200: Instance },
      },
    },
    async () => ({ name: 'Portico', version: VERSION, devMailbox: app.deps.mailTransport.kind === 'mailbox' }),
  );
};
