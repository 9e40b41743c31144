import {
  ChangeRightsRequest,
  IdInput,
  MemberList,
  MembersQuery,
  MyOrganization,
  RemoveMemberQuery,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationOf, rightsOf } from '../../http/access.js';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { listMembers } from './directory.service.js';
import { administratorsOf, changeRights, removeMember } from './members.service.js';

const tags = ['members'];
const key = IdInput;
const orgParams = z.object({ org: key });
const memberParams = z.object({ org: key, user: key });

/** Members (SPEC §2.4): My organization for every member; the Members list and member actions for administrators. */
export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/orgs/:org',
    route('org-member', {
      tags: ['organizations'],
      summary: 'My organization: its name and administrators, for every member',
      params: orgParams,
      response: { 200: MyOrganization },
    }),
    async (request) => {
      const organization = organizationOf(request);
      // Names and addresses only: a member is told whom to ask, not how the organization is run.
      const administrators = await administratorsOf(deps.db, organization.id);
      return {
        organization: { id: organization.id, name: organization.name, code: organization.code },
        rights: rightsOf(request),
        administrators: administrators.map(({ name, email }) => ({ name, email })),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:org/members',
    route('org-admin', {
      tags,
      summary: 'Members and invitations in one list, searched, filtered, sorted and paged',
      params: orgParams,
      querystring: MembersQuery,
      response: { 200: MemberList },
    }),
    async (request) => listMembers(deps, organizationOf(request).id, request.query),
  );

  app.patch(
    '/api/v1/orgs/:org/members/:user',
    route('org-admin', {
      tags,
      summary: 'Change to Admin / Change to Member',
      params: memberParams,
      body: ChangeRightsRequest,
    }),
    async (request, reply) => {
      const { user } = request.params;
      await changeRights(deps, actorOf(request), organizationOf(request).id, user, request.body.rights);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/v1/orgs/:org/members/:user',
    route('org-admin', {
      tags,
      summary: 'Remove member; one who holds licenses only with revokeLicenses=true (409 MEMBER_HOLDS_LICENSES)',
      params: memberParams,
      querystring: RemoveMemberQuery,
    }),
    async (request, reply) => {
      const options = { revokeLicenses: request.query.revokeLicenses };
      await removeMember(deps, actorOf(request), organizationOf(request).id, request.params.user, options);
      return reply.code(204).send();
    },
  );
};
