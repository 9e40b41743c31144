import { BulkInvitationsRequest, BulkResult, OrgParams } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organizationOf } from '../../http/access.js';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { resendInBulk, revokeInBulk } from './invitations-bulk.service.js';

const tags = ['invitations'];

const SELECTION =
  '`selection` is `{ids: [...]}` (up to 10,000) or `{matching: {q, status, rights}, except: [...]}`: every row the ' +
  'Members filter matches when the request runs, minus `except`. One transaction, one audit event with its rows, ' +
  'an answer per row; a member among the ids answers `not an invitation`, another organization’s id `not found`.';

/** Resend and Revoke invitation for a selection of the Members page (issue 14). */
export const invitationBulkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/orgs/:org/invitations/resend',
    route('org-admin', {
      tags,
      summary: 'Resend invitation for a selection',
      description: `${SELECTION} Per row: \`resent\`, \`expired\` (send a new invitation instead), \`resend limit reached\` (5 a day), \`already accepted\`, \`already revoked\`.`,
      params: OrgParams,
      body: BulkInvitationsRequest,
      response: { 200: BulkResult },
    }),
    async (request) => resendInBulk(deps, actorOf(request), organizationOf(request).id, request.body.selection),
  );

  app.post(
    '/api/v1/orgs/:org/invitations/revoke',
    route('org-admin', {
      tags,
      summary: 'Revoke invitation for a selection',
      description: `${SELECTION} Per row: \`revoked\` (pending or expired), \`already accepted\`, \`already revoked\`.`,
      params: OrgParams,
      body: BulkInvitationsRequest,
      response: { 200: BulkResult },
    }),
    async (request) => revokeInBulk(deps, actorOf(request), organizationOf(request).id, request.body.selection),
  );
};
