import {
  AcceptResult,
  ChangeRightsRequest,
  InvitationHistory,
  InvitationLink,
  InvitationView,
  InviteRequest,
  InviteResult,
  MemberList,
  MembersQuery,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession, SESSION_SECURITY } from '../../http/auth-context.js';
import { organizationFor } from '../../http/org-access.js';
import { requestInfo } from '../../http/request-info.js';
import { listMembers } from './directory.service.js';
import * as acceptance from './invitation-acceptance.service.js';
import * as invitations from './invitations.service.js';
import { changeRights, removeMember } from './members.service.js';

const tags = ['members'];
const security = SESSION_SECURITY;
const key = z.string().min(1).max(100);
const orgParams = z.object({ org: key });
const invitationParams = z.object({ org: key, id: key });
const memberParams = z.object({ org: key, user: key });
const tokenParams = z.object({ token: z.string().min(1).max(200) });

/** Invitations and member actions (SPEC §2.4): administrators and operators of the organization. */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const admin = async (request: Parameters<typeof organizationFor>[0], org: string) =>
    (await organizationFor(request, org, 'admin')).organization.id;
  const actor = (request: Parameters<typeof requestInfo>[0]) => requestInfo(request).actor;

  app.post(
    '/api/v1/orgs/:org/invitations',
    {
      onRequest: requireSession,
      schema: {
        tags,
        security,
        summary: 'Invite Member: one or many addresses, with User Rights and a message',
        params: orgParams,
        body: InviteRequest,
        response: { 200: InviteResult },
      },
    },
    async (request) => invitations.invite(deps, actor(request), await admin(request, request.params.org), request.body),
  );
  app.get(
    '/api/v1/orgs/:org/invitations/:id/link',
    {
      onRequest: requireSession,
      schema: {
        tags,
        security,
        summary: 'Copy invitation link',
        params: invitationParams,
        response: { 200: InvitationLink },
      },
    },
    async (request) =>
      invitations.invitationLink(deps, actor(request), await admin(request, request.params.org), request.params.id),
  );
  app.post(
    '/api/v1/orgs/:org/invitations/:id/resend',
    {
      onRequest: requireSession,
      schema: {
        tags,
        security,
        summary: 'Resend invitation link (same link, at most 5 a day)',
        params: invitationParams,
      },
    },
    async (request, reply) => {
      await invitations.resend(deps, actor(request), await admin(request, request.params.org), request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/orgs/:org/invitations/:id/reissue',
    {
      onRequest: requireSession,
      schema: {
        tags,
        security,
        summary: 'Send new invitation (only for an expired one)',
        params: invitationParams,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) =>
      invitations.reissue(deps, actor(request), await admin(request, request.params.org), request.params.id),
  );
  app.delete(
    '/api/v1/orgs/:org/invitations/:id',
    { onRequest: requireSession, schema: { tags, security, summary: 'Revoke invitation', params: invitationParams } },
    async (request, reply) => {
      await invitations.revoke(deps, actor(request), await admin(request, request.params.org), request.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/orgs/:org/invitations/:id/history',
    {
      onRequest: requireSession,
      schema: {
        tags,
        security,
        summary: 'The history of an invitation',
        params: invitationParams,
        response: { 200: InvitationHistory },
      },
    },
    async (request) => invitations.history(deps, await admin(request, request.params.org), request.params.id),
  );

  app.get(
    '/api/v1/orgs/:org/members',
    {
      onRequest: requireSession,
      schema: {
        tags,
        security,
        summary: 'Members and invitations in one list, searched, filtered, sorted and paged',
        params: orgParams,
        querystring: MembersQuery,
        response: { 200: MemberList },
      },
    },
    async (request) => listMembers(deps, await admin(request, request.params.org), request.query),
  );

  app.patch(
    '/api/v1/orgs/:org/members/:user',
    {
      onRequest: requireSession,
      schema: {
        tags,
        security,
        summary: 'Change to Admin / Change to Member',
        params: memberParams,
        body: ChangeRightsRequest,
      },
    },
    async (request, reply) => {
      await changeRights(
        deps,
        actor(request),
        await admin(request, request.params.org),
        request.params.user,
        request.body.rights,
      );
      return reply.code(204).send();
    },
  );
  app.delete(
    '/api/v1/orgs/:org/members/:user',
    { onRequest: requireSession, schema: { tags, security, summary: 'Remove member', params: memberParams } },
    async (request, reply) => {
      await removeMember(deps, actor(request), await admin(request, request.params.org), request.params.user);
      return reply.code(204).send();
    },
  );

  // Public: the token is the key (SPEC §2.4); the page names the organization and the inviter.
  app.get(
    '/api/v1/invitations/:token',
    {
      schema: {
        tags,
        summary: 'An invitation by the token of its link',
        params: tokenParams,
        response: { 200: InvitationView },
      },
    },
    async (request) => acceptance.view(deps, request.params.token),
  );
  app.post(
    '/api/v1/invitations/:token/accept',
    {
      onRequest: requireSession,
      schema: {
        tags,
        security,
        summary: 'Accept an invitation (signed in with the invited address)',
        params: tokenParams,
        response: { 200: AcceptResult },
      },
    },
    async (request) => acceptance.accept(deps, actor(request), request.auth, request.params.token),
  );
};
