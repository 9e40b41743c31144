import {
  AcceptResult,
  IdInput,
  InvitationHistory,
  InvitationLink,
  InvitationView,
  InviteRequest,
  InviteResult,
  SignUpRequest,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationOf } from '../../http/access.js';
import { resolveSession } from '../../http/auth-context.js';
import { actorOf, forwardCookies, requestInfo } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import * as acceptance from './invitation-acceptance.service.js';
import * as invitations from './invitations.service.js';
import { invite } from './invite.service.js';

const tags = ['members'];
const key = IdInput;
const orgParams = z.object({ org: key });
const invitationParams = z.object({ org: key, id: key });
const tokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .regex(/^\P{Cc}*$/u, { message: 'must not contain control characters' }),
});

/** Invitations (SPEC §2.4): administrators and operators of the organization send them; the invitee accepts. */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/orgs/:org/invitations',
    route('org-admin', {
      tags,
      summary: 'Invite Member: one or many addresses, with User Rights and a message',
      params: orgParams,
      body: InviteRequest,
      response: { 200: InviteResult },
    }),
    async (request) => invite(deps, actorOf(request), organizationOf(request).id, request.body),
  );
  app.get(
    '/api/v1/orgs/:org/invitations/:id/link',
    route('org-admin', {
      tags,
      summary: 'Copy invitation link',
      params: invitationParams,
      response: { 200: InvitationLink },
    }),
    async (request) =>
      invitations.invitationLink(deps, actorOf(request), organizationOf(request).id, request.params.id),
  );
  app.post(
    '/api/v1/orgs/:org/invitations/:id/resend',
    route('org-admin', {
      tags,
      summary: 'Resend invitation link (same link, at most 5 a day)',
      params: invitationParams,
    }),
    async (request, reply) => {
      await invitations.resend(deps, actorOf(request), organizationOf(request).id, request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/orgs/:org/invitations/:id/reissue',
    route('org-admin', {
      tags,
      summary: 'Send new invitation (only for an expired one)',
      params: invitationParams,
      response: { 200: z.object({ id: z.string() }) },
    }),
    async (request) => invitations.reissue(deps, actorOf(request), organizationOf(request).id, request.params.id),
  );
  app.delete(
    '/api/v1/orgs/:org/invitations/:id',
    route('org-admin', { tags, summary: 'Revoke invitation', params: invitationParams }),
    async (request, reply) => {
      await invitations.revoke(deps, actorOf(request), organizationOf(request).id, request.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/orgs/:org/invitations/:id/history',
    route('org-admin', {
      tags,
      summary: 'The history of an invitation',
      params: invitationParams,
      response: { 200: InvitationHistory },
    }),
    async (request) => invitations.history(deps, organizationOf(request).id, request.params.id),
  );

  // Public: the token is the key (SPEC §2.4); the page names the organization and the inviter.
  app.get(
    '/api/v1/invitations/:token',
    route('public', {
      tags,
      summary: 'An invitation by the token of its link',
      params: tokenParams,
      response: { 200: InvitationView },
    }),
    async (request, reply) => {
      // Public, but the person who accepted the invitation is told so when they open the link again.
      const session = await resolveSession(request, reply);
      return acceptance.view(deps, request.params.token, session?.user.id ?? null);
    },
  );
  app.post(
    '/api/v1/invitations/:token/sign-up',
    route('public', {
      tags,
      summary: 'Create account from an invitation link: verified by the link, signed in, and the invitation accepted',
      description:
        'For the invited address only (EMAIL_MISMATCH otherwise), while the invitation is pending and not expired. ' +
        'No verification email is sent: the link was emailed to that address. Sets the session cookie. ' +
        'ALREADY_EXISTS when the address has an account: sign in with it and accept.',
      params: tokenParams,
      body: SignUpRequest,
      response: { 200: AcceptResult },
    }),
    async (request, reply) => {
      const outcome = await acceptance.signUpAndAccept(deps, requestInfo(request), request.params.token, request.body);
      forwardCookies(reply, outcome.setCookies);
      if (outcome.error) throw outcome.error;
      return outcome.result;
    },
  );
  app.post(
    '/api/v1/invitations/:token/accept',
    route('session', {
      tags,
      summary: 'Accept an invitation (signed in with the invited address)',
      params: tokenParams,
      response: { 200: AcceptResult },
    }),
    async (request) => acceptance.accept(deps, actorOf(request), request.auth, request.params.token),
  );
};
