import { Terms, UpdateTermsRequest } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { getTerms, setTerms } from './terms.service.js';

/** The Terms and Conditions: read by anyone (the /terms page), set by operators. */
export const termsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/v1/terms',
    route('public', {
      tags: ['system'],
      summary: 'The Terms and Conditions of this instance',
      description: 'The text the First Moment of Truth asks to accept: the operator’s, or the default (`isDefault`).',
      response: { 200: Terms },
    }),
    async () => getTerms(deps),
  );
  app.put(
    '/api/v1/operator/terms',
    route('operator', {
      tags: ['operator'],
      summary: 'Set the Terms and Conditions',
      description: 'Plain text, up to 100,000 characters, line breaks kept. `text: null` restores the default text.',
      body: UpdateTermsRequest,
      response: { 200: Terms },
    }),
    async (request) => setTerms(deps, actorOf(request), request.body.text),
  );
};
