import { Me, UpdateMeRequest } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { organizationsOf } from '../organizations/organizations.service.js';
import { describeUser, renameUser } from './accounts.service.js';

const tags = ['me'];

/** GET /api/v1/me: the account, whether it is an operator, its organizations with rights, and open claims. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/me',
    route('session', { tags, summary: 'The signed-in account', response: { 200: Me } }),
    async (request) => ({
      user: describeUser(request.auth),
      isOperator: request.auth.user.isOperator,
      ...(await organizationsOf(app.deps, request.auth.user.id)),
    }),
  );

  app.patch(
    '/api/v1/me',
    route('session', { tags, summary: 'Change your name', body: UpdateMeRequest, response: { 200: Me } }),
    async (request) => {
      await renameUser(app.deps, actorOf(request), request.auth, request.body.name);
      return {
        user: { ...describeUser(request.auth), name: request.body.name },
        isOperator: request.auth.user.isOperator,
        ...(await organizationsOf(app.deps, request.auth.user.id)),
      };
    },
  );
};
