import { MyOrganization } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession, SESSION_SECURITY } from '../../http/auth-context.js';
import { organizationFor } from '../../http/org-access.js';
import { listAdministrators } from './organizations.repository.js';

/** What members see of their organization; administrators manage it through the members and portal routes. */
export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/v1/orgs/:org',
    {
      onRequest: requireSession,
      schema: {
        tags: ['organizations'],
        security: SESSION_SECURITY,
        summary: 'My organization: its name and administrators, for every member',
        params: z.object({ org: z.string().min(1).max(100) }),
        response: { 200: MyOrganization },
      },
    },
    async (request) => {
      const { organization, rights } = await organizationFor(request, request.params.org, 'member');
      // Names and addresses only: a member is told whom to ask, not how the organization is run.
      const administrators = await listAdministrators(deps.db, organization.id);
      return {
        organization: { id: organization.id, name: organization.name, code: organization.code },
        rights,
        administrators: administrators.map(({ name, email }) => ({ name, email })),
      };
    },
  );
};
