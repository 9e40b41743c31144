import { Readable } from 'node:stream';
import {
  AuditActionList,
  AuditEventItemList,
  AuditEventItemsQuery,
  AuditEventList,
  AuditQuery,
  IdInput,
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
import {
  type AuditScope,
  auditActions,
  exportAudit,
  listAudit,
  listAuditItems,
  operatorScope,
} from './audit.service.js';

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
  'who did it, an email address (any case) or a user id; `from` and `to` by date, both included: a day ' +
  '(`2026-11-29`, the whole UTC day) or an instant with its offset (`2026-11-29T08:00:00Z`); `to` before `from` is ' +
  'a 400 naming `to`. Each event names its target as it was at the time (`target.name`, `target.detail`: an ' +
  'email, a grouped serial, a product or organization code); a bulk action is one event with `itemCount`, its ' +
  'rows at `…/audit-events/{id}/items`. `actor` null is the system (CLI, worker). `format=csv` streams every ' +
  'matching event instead, as `text/csv` with a header row (cursor and limit do not apply); cells a spreadsheet ' +
  "would run as formulas start with `'`.";

const ITEMS_DESCRIPTION =
  "A bulk event's rows (one per address, member or license it touched) in the order they were processed, each with " +
  'its target as it was at the time and its outcome; paged with `cursor` and `limit` (at most 200). An event of ' +
  'another organization answers 404 like one that does not exist.';

const itemsResponse = { 200: AuditEventItemList };

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
    '/api/v1/orgs/:org/audit-events/:id/items',
    route('org-admin', {
      tags,
      summary: "The rows of a bulk event of the organization's audit log",
      description: ITEMS_DESCRIPTION,
      params: z.object({ org: IdInput, id: IdInput }),
      querystring: AuditEventItemsQuery,
      response: itemsResponse,
    }),
    async (request) => listAuditItems(deps, orgScope(request), request.params.id, request.query),
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
  app.get(
    '/api/v1/operator/audit-events/:id/items',
    route('operator', {
      tags,
      summary: 'The rows of a bulk event of the whole audit log (operators)',
      description: ITEMS_DESCRIPTION,
      params: z.object({ id: IdInput }),
      querystring: AuditEventItemsQuery,
      response: itemsResponse,
    }),
    async (request) => listAuditItems(deps, { name: 'all' }, request.params.id, request.query),
  );
};
