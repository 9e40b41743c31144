import {
  AssetList,
  ClaimInfo,
  ClaimRequest,
  ClaimResult,
  ListQuery,
  OrganizationOverview,
  RegistrationRequest,
  RegistrationResult,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession, SESSION_SECURITY } from '../../http/auth-context.js';
import { organizationFor } from '../../http/org-access.js';
import { requestInfo } from '../../http/request-info.js';
import { listAssets, overviewAssets } from '../assets/assets.service.js';
import { claim, claimInfo, registerSerial } from './registrations.service.js';

const security = SESSION_SECURITY;
const org = z.object({ org: z.string().min(1).max(100) });

/** Register product, the First Moment of Truth, and the admin portal's main page (SPEC §2.3, §2.2). */
export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.addHook('onRequest', requireSession);

  app.post(
    '/api/v1/registrations',
    {
      schema: {
        tags: ['registration'],
        security,
        summary: 'Register a product by its serial number',
        body: RegistrationRequest,
        response: { 200: RegistrationResult },
      },
    },
    async (request) => {
      const info = requestInfo(request);
      return registerSerial(deps, { ...info.actor, ip: info.ip }, request.auth, request.body.serial);
    },
  );

  app.get(
    '/api/v1/orgs/:org/claim',
    {
      schema: {
        tags: ['registration'],
        security,
        summary: 'The First Moment of Truth: the organization to verify',
        params: org,
        response: { 200: ClaimInfo },
      },
    },
    async (request) => claimInfo(deps, request.auth, request.params.org),
  );
  app.post(
    '/api/v1/orgs/:org/claim',
    {
      schema: {
        tags: ['registration'],
        security,
        summary: 'Promote me to Administrator',
        params: org,
        body: ClaimRequest,
        response: { 200: ClaimResult },
      },
    },
    async (request) => claim(deps, requestInfo(request).actor, request.auth, request.params.org, request.body),
  );

  app.get(
    '/api/v1/orgs/:org/overview',
    {
      schema: {
        tags: ['portal'],
        security,
        summary: 'The admin portal’s main page: products, services, subscriptions ending soon',
        params: org,
        response: { 200: OrganizationOverview },
      },
    },
    async (request) => {
      const { organization } = await organizationFor(request, request.params.org, 'admin');
      return {
        organization: { id: organization.id, name: organization.name, code: organization.code },
        rights: 'admin' as const,
        ...(await overviewAssets(deps, organization.id)),
      };
    },
  );
  app.get(
    '/api/v1/orgs/:org/assets',
    {
      schema: {
        tags: ['portal'],
        security,
        summary: 'Assets with seats total, assigned and available',
        params: org,
        querystring: ListQuery,
        response: { 200: AssetList },
      },
    },
    async (request) => {
      const { organization } = await organizationFor(request, request.params.org, 'admin');
      return listAssets(deps, organization.id, request.query);
    },
  );
};
