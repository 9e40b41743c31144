import { Mailbox } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { route } from '../../http/route.js';
import { AppError } from '../../lib/errors.js';
import { devMailbox } from './mailbox.service.js';

/**
 * The dev mailbox (SPEC §2.7): only when SMTP_URL is unset outside production. It shows every message, so it is
 * for a developer's own machine (the server listens on 127.0.0.1 by default).
 */
export const mailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/dev/mailbox',
    route('public', {
      tags: ['dev'],
      summary: 'Messages in the dev mailbox, newest first',
      response: { 200: Mailbox },
    }),
    async () => {
      if (app.deps.mailTransport.kind !== 'mailbox') throw AppError.notFound('dev mailbox');
      return devMailbox(app.deps);
    },
  );
};
