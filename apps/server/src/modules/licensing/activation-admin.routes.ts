import {
  ActivationList,
  ActivationsQuery,
  Asset,
  ChangeAssetModeRequest,
  IdInput,
  OrgParams,
  TransferGrantRequest,
  TransferGrantResult,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationOf } from '../../http/access.js';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { listActivations } from './activation-views.service.js';
import { release } from './license-changes.service.js';
import { enableOnlineLicensing } from './licensing-mode.service.js';
import { grantTransfers } from './transfer-grants.service.js';

const tags = ['licensing'];
const params = z.object({ org: IdInput, id: IdInput });

/** Administrators' side of online licensing (SPEC §2.5), and a member releasing their own device. */
export const activationAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.patch(
    '/api/v1/orgs/:org/assets/:id',
    route('org-admin', {
      tags,
      summary: 'Enable online licensing: a machine-mode license becomes a named-user license',
      description: 'Refused (`MODE_CHANGE_REFUSED`) while machines still use the serial number, naming them.',
      params,
      body: ChangeAssetModeRequest,
      response: { 200: Asset },
    }),
    async (request) => enableOnlineLicensing(deps, actorOf(request), organizationOf(request).id, request.params.id),
  );
  app.get(
    '/api/v1/orgs/:org/activations',
    route('org-admin', {
      tags,
      summary: 'Activations per asset or per member: device, online or offline until, since, last contact, transfers',
      params: OrgParams,
      querystring: ActivationsQuery,
      response: { 200: ActivationList },
    }),
    async (request) => listActivations(deps, organizationOf(request).id, request.query),
  );
  app.delete(
    '/api/v1/orgs/:org/activations/:id',
    route('org-admin', { tags, summary: 'Release an activation (the device learns at its next heartbeat)', params }),
    async (request, reply) => {
      const by = { as: 'administrator' as const, organizationId: organizationOf(request).id, actor: actorOf(request) };
      await release(deps, by, request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/orgs/:org/transfer-grants',
    route('org-admin', {
      tags,
      summary: 'Grant a member extra transfers for a product, with a reason',
      params: OrgParams,
      body: TransferGrantRequest,
      response: { 200: TransferGrantResult },
    }),
    async (request) => grantTransfers(deps, actorOf(request), organizationOf(request).id, request.body),
  );
  app.delete(
    '/api/v1/orgs/:org/my-products/activations/:id',
    route('org-member', { tags, summary: "Release one of the caller's own devices (My products)", params }),
    async (request, reply) => {
      const organizationId = organizationOf(request).id;
      const by = { as: 'member' as const, userId: request.auth.user.id, organizationId, actor: actorOf(request) };
      await release(deps, by, request.params.id);
      return reply.code(204).send();
    },
  );
};
