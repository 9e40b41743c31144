import { Instance } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { route } from '../../http/route.js';
import { VERSION } from '../../lib/version.js';
import { assertDatabaseAnswers } from './system.service.js';
import { termsRoutes } from './terms.routes.js';

/** Liveness, readiness and the public facts the web app needs before anyone signs in. */
export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const status = z.object({ status: z.string() });

  app.get(
    '/healthz',
    route('public', { tags: ['system'], summary: 'The process is alive', response: { 200: status } }),
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    route('public', { tags: ['system'], summary: 'The database answers', response: { 200: status } }),
    async () => {
      await assertDatabaseAnswers(app.deps);
      return { status: 'ready' };
    },
  );

  app.get(
    '/api/v1/instance',
    route('public', {
      tags: ['system'],
      summary: 'Public facts about this Portico instance',
      response: { 200: Instance },
    }),
    async () => ({ name: 'Portico', version: VERSION, devMailbox: app.deps.mailTransport.kind === 'mailbox' }),
  );

  await app.register(termsRoutes);
};
