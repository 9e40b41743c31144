import { Readable } from 'node:stream';
import {
  AuditActionList,
  AuditEventList,
  AuditQuery,
  OperatorAuditActionsQuery,
  OperatorAuditQuery,
  OrgParams,
} from '@portico/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { organizationOf } from '../../http/access.js';
import { route } from '../../http/route.js';
import { auditCsvFilename } from './audit.csv.js';
import { type AuditScope, auditActions, exportAudit, listAudit, operatorScope } from './audit.service.js';

const tags = ['audit'];
const orgParams = OrgParams;

/** JSON pages by default; `format=csv` answers a download, documented as its own media type. */
const listResponse = {
  200: {
    description: 'A page of events, newest first; or, with `format=csv`, every matching event as a CSV file',
    content: {
      'application/json': { schema: AuditEventList },
      'text/csv': { schema: z.string() },
    },
  },
};

const LIST_DESCRIPTION =
  'Newest first, paged with `cursor` and `limit` (at most 200). `action` filters by one action exactly; `actor` by ' +
  'who did it, an email address (any case) or a user id. `format=csv` streams every matching event instead, as ' +
  '`text/csv` with a header row (cursor and limit do not apply); cells a spreadsheet would run as formulas start ' +
  "with `'`.";

/** Streams the export: the body is produced batch by batch as the client reads it, never held whole. */
async function sendCsv(deps: Deps<'db' | 'clock'>, reply: FastifyReply, scope: AuditScope, query: AuditQuery) {
  const chunks = await exportAudit(deps, scope, query);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${auditCsvFilename(scope.name, deps.clock.now())}"`)
    .send(Readable.from(chunks));
}

/** The audit log (SPEC §2.8): an organization's to its administrators and operators; all of it to operators. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const orgScope = (request: FastifyRequest): AuditScope => {
    const organization = organizationOf(request);
    return { organizationId: organization.id, name: organization.code };
  };

  app.get(
    '/api/v1/orgs/:org/audit-events',
    route('org-admin', {
      tags,
      summary: "The organization's audit log, filtered, paged or as CSV",
      description: LIST_DESCRIPTION,
      params: orgParams,
      querystring: AuditQuery,
      response: listResponse,
    }),
    async (request, reply) => {
      const scope = orgScope(request);
      if (request.query.format === 'csv') return sendCsv(deps, reply, scope, request.query);
      return listAudit(deps, scope, request.query);
    },
  );
  app.get(
    '/api/v1/orgs/:org/audit-events/actions',
    route('org-admin', {
      tags,
      summary: "The actions recorded in the organization's audit log, for its action filter",
      params: orgParams,
      response: { 200: AuditActionList },
    }),
    async (request) => auditActions(deps, orgScope(request)),
  );

  app.get(
    '/api/v1/operator/audit-events',
    route('operator', {
      tags,
      summary: 'The audit log of the whole instance (operators), optionally of one organization',
      description: `${LIST_DESCRIPTION} \`organization\` (id or code) narrows it to one organization.`,
      querystring: OperatorAuditQuery,
      response: listResponse,
    }),
    async (request, reply) => {
      const scope = await operatorScope(deps, request.query.organization);
      if (request.query.format === 'csv') return sendCsv(deps, reply, scope, request.query);
      return listAudit(deps, scope, request.query);
    },
  );
  app.get(
    '/api/v1/operator/audit-events/actions',
    route('operator', {
      tags,
      summary: 'The actions recorded in the whole audit log (operators), or in one organization',
      querystring: OperatorAuditActionsQuery,
      response: { 200: AuditActionList },
    }),
    async (request) => auditActions(deps, await operatorScope(deps, request.query.organization)),
  );
};
