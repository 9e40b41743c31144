import { AdministratorList, IdInput } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { listAdministrators, removeAdministrator } from './members.service.js';

const tags = ['operator'];
const key = IdInput;

/** Operators appoint and remove any organization's administrators (SPEC §2.3), the last one included. */
export const administratorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/v1/operator/organizations/:org/administrators',
    route('operator', {
      tags,
      summary: 'Administrators of an organization',
      params: z.object({ org: key }),
      response: { 200: AdministratorList },
    }),
    async (request) => listAdministrators(deps, request.params.org),
  );
  // Appointing is the operator module's (operator/appointments.routes.ts): it may send an Admin invitation.
  app.delete(
    '/api/v1/operator/organizations/:org/administrators/:user',
    route('operator', {
      tags,
      summary: 'Remove an administrator',
      params: z.object({ org: key, user: key }),
      response: { 200: AdministratorList },
    }),
    async (request) => removeAdministrator(deps, actorOf(request), request.params.org, request.params.user),
  );
};
