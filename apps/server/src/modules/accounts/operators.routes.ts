import { EmailBody, IdInput, OperatorList } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { grantOperator, listOperators, removeOperatorById } from './operators.service.js';

const tags = ['operator'];

/** The operators of the instance (SPEC §2.1), managed by operators. */
export const operatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/v1/operator/operators',
    route('operator', { tags, summary: 'The operators of this instance', response: { 200: OperatorList } }),
    async () => listOperators(deps),
  );
  app.post(
    '/api/v1/operator/operators',
    route('operator', {
      tags,
      summary: 'Grant operator rights to an account',
      body: EmailBody,
      response: { 200: OperatorList },
    }),
    async (request) => {
      await grantOperator(deps, actorOf(request), request.body.email);
      return listOperators(deps);
    },
  );
  app.delete(
    '/api/v1/operator/operators/:user',
    route('operator', {
      tags,
      summary: 'Remove operator rights',
      params: z.object({ user: IdInput }),
      response: { 200: OperatorList },
    }),
    async (request) => {
      await removeOperatorById(deps, actorOf(request), request.params.user);
      return listOperators(deps);
    },
  );
};
