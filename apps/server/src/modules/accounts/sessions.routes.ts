import { ChangePasswordRequest, IdInput, PasswordChanged, SessionList, SessionsRevoked } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionOf } from '../../http/access.js';
import { forwardCookies, requestInfo } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import * as accounts from './accounts.service.js';

const tags = ['accounts'];

/** The signed-in account's password and sessions (SPEC §2.1): a browser's business, so no token may do it. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    '/api/auth/change-password',
    route(
      'session',
      {
        tags,
        summary: 'Change the password of the signed-in account',
        body: ChangePasswordRequest,
        response: { 200: PasswordChanged },
      },
      { scope: 'account' },
    ),
    async (request, reply) => {
      const { setCookies } = await accounts.changePassword(
        deps,
        requestInfo(request),
        sessionOf(request),
        request.body,
      );
      forwardCookies(reply, setCookies);
      return { status: 'changed' as const };
    },
  );

  app.get(
    '/api/auth/sessions',
    route(
      'session',
      {
        tags,
        summary: 'Sessions of the signed-in account',
        response: { 200: SessionList },
      },
      { scope: 'account' },
    ),
    async (request) => ({
      sessions: await accounts.getSessions(deps, sessionOf(request)),
    }),
  );

  app.post(
    '/api/auth/sessions/sign-out-others',
    route(
      'session',
      {
        tags,
        summary: 'Sign out every other session',
        response: { 200: SessionsRevoked },
      },
      { scope: 'account' },
    ),
    async (request) => ({
      revoked: await accounts.revokeOtherSessions(deps, sessionOf(request)),
    }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    route(
      'session',
      {
        tags,
        summary: 'Sign out one of your sessions',
        params: z.object({ id: IdInput }),
      },
      { scope: 'account' },
    ),
    async (request, reply) => {
      await accounts.revokeSession(deps, sessionOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
