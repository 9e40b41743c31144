import { Readable } from 'node:stream';
import {
  BulkRemoveRequest,
  BulkResult,
  BulkRightsRequest,
  MEMBER_SORTS,
  MemberCountsAnswer,
  MembersFilter,
  OrgParams,
} from '@portico/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationOf } from '../../http/access.js';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { fileNamePart } from '../../lib/csv.js';
import { countMembers } from './directory.service.js';
import { changeRightsInBulk, removeInBulk } from './members-bulk.service.js';
import { exportMembers } from './members-export.service.js';

const tags = ['members'];

const SELECTION =
  '`selection` is `{ids: [...]}` (members’ user ids and invitations’ ids, up to 10,000) or `{matching: {q, status, ' +
  'rights}, except: [...]}`: every row the filter matches when the request runs, minus `except`. One transaction, ' +
  'one audit event with its rows, and an answer per row; ids of another organization answer `not found`.';

const ExportQuery = MembersFilter.extend({ sort: z.enum(MEMBER_SORTS).default('email') });

/** Streams the export as the client reads it. */
function sendCsv(reply: FastifyReply, fileName: string, chunks: AsyncGenerator<string>) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(Readable.from(chunks));
}

/** The Members page's counts, bulk actions and export (issue 14), for administrators. */
export const memberBulkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/orgs/:org/members/change-rights',
    route('org-admin', {
      tags,
      summary: 'Change to Admin / Change to Member for a selection',
      description: `${SELECTION} Refused per row: \`already Admin\`/\`already Member\`, \`last administrator\`, \`yourself\`, \`not a member\`.`,
      params: OrgParams,
      body: BulkRightsRequest,
      response: { 200: BulkResult },
    }),
    async (request) =>
      changeRightsInBulk(
        deps,
        actorOf(request),
        organizationOf(request).id,
        request.body.selection,
        request.body.rights,
      ),
  );

  app.post(
    '/api/v1/orgs/:org/members/remove',
    route('org-admin', {
      tags,
      summary: 'Remove member for a selection',
      description: `${SELECTION} Refused per row: \`last administrator\`, \`yourself\`, \`holds licenses\` (unless \`revokeLicenses\`), \`not a member\`.`,
      params: OrgParams,
      body: BulkRemoveRequest,
      response: { 200: BulkResult },
    }),
    async (request) =>
      removeInBulk(
        deps,
        actorOf(request),
        organizationOf(request).id,
        request.body.selection,
        request.body.revokeLicenses,
      ),
  );

  app.get(
    '/api/v1/orgs/:org/members/counts',
    route('org-admin', {
      tags,
      summary: 'The Members page headline and how many rows a filter matches',
      params: OrgParams,
      querystring: MembersFilter,
      response: { 200: MemberCountsAnswer },
    }),
    async (request) => countMembers(deps, organizationOf(request).id, request.query),
  );

  app.get(
    '/api/v1/orgs/:org/members/export',
    route('org-admin', {
      tags,
      summary: 'Export the Members list (its filter and sort) as CSV',
      params: OrgParams,
      querystring: ExportQuery,
      response: {
        200: { description: 'Every matching row, with a header row', content: { 'text/csv': { schema: z.string() } } },
      },
    }),
    async (request, reply) => {
      const organization = organizationOf(request);
      const day = deps.clock.now().toISOString().slice(0, 10);
      const name = `members-${fileNamePart(organization.code)}-${day}.csv`;
      return sendCsv(reply, name, exportMembers(deps, organization.id, request.query));
    },
  );
};
