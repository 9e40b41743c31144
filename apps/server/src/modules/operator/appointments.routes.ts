import { AppointAdministratorResult, EmailBody, IdInput } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { appointOrInvite } from './appointments.service.js';

/** The operator's Appoint administrator: an account at once, an address without one by an Admin invitation. */
export const appointmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.post(
    '/api/v1/operator/organizations/:org/administrators',
    route('operator', {
      tags: ['operator'],
      summary: 'Appoint an administrator, or invite one',
      description:
        'An account with this email becomes an administrator of the organization at once (`invitation: null`). ' +
        'When no account has it, an Admin invitation is sent to it from the operator (`invitation.outcome: ' +
        'invited`; `already invited` when one is pending for it already): accepting it makes the invitee an ' +
        'administrator.',
      params: z.object({ org: IdInput }),
      body: EmailBody,
      response: { 200: AppointAdministratorResult },
    }),
    async (request) => appointOrInvite(deps, actorOf(request), request.params.org, request.body.email),
  );
};
