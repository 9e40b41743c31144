import {
  Asset,
  AssetList,
  CreateAssetRequest,
  IdInput,
  ListQuery,
  OrganizationOverview,
  UpdateAssetRequest,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationOf } from '../../http/access.js';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { assetImportRoutes } from './asset-import.routes.js';
import { updateAsset } from './asset-updates.service.js';
import * as assets from './assets.service.js';

const id = IdInput;
const org = z.object({ org: id });

/** Assets (SPEC §2.2): administrators monitor their organization's; operators add and change them. */
export const assetRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/orgs/:org/overview',
    route('org-admin', {
      tags: ['portal'],
      summary: 'The admin portal’s main page: products, services, subscriptions ending soon',
      params: org,
      response: { 200: OrganizationOverview },
    }),
    async (request) => {
      const organization = organizationOf(request);
      return {
        organization: { id: organization.id, name: organization.name, code: organization.code },
        rights: 'admin' as const,
        ...(await assets.overviewAssets(deps, organization.id)),
      };
    },
  );
  app.get(
    '/api/v1/orgs/:org/assets',
    route('org-admin', {
      tags: ['portal'],
      summary: 'Assets with seats total, assigned and available',
      params: org,
      querystring: ListQuery,
      response: { 200: AssetList },
    }),
    async (request) => assets.listAssets(deps, organizationOf(request).id, request.query),
  );

  app.get(
    '/api/v1/operator/organizations/:org/assets',
    route('operator', {
      tags: ['operator'],
      summary: 'Assets of an organization',
      params: org,
      querystring: ListQuery,
      response: { 200: AssetList },
    }),
    async (request) => assets.listAssets(deps, request.params.org, request.query),
  );
  app.post(
    '/api/v1/operator/assets',
    route('operator', {
      tags: ['operator'],
      summary: 'Add an asset (organization and product by id or code)',
      body: CreateAssetRequest,
      response: { 201: Asset },
    }),
    async (request, reply) => reply.code(201).send(await assets.createAsset(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/operator/assets/:id',
    route('operator', {
      tags: ['operator'],
      summary: 'Change seats or dates, suspend or reactivate',
      params: z.object({ id }),
      body: UpdateAssetRequest,
      response: { 200: Asset },
    }),
    async (request) => updateAsset(deps, actorOf(request), request.params.id, request.body),
  );
  // Its own plugin: a CSV body parser and a larger body limit for that one route.
  await app.register(assetImportRoutes);
};
