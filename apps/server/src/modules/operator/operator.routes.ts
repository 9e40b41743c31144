import {
  AdministratorList,
  Asset,
  AssetList,
  CreateAssetRequest,
  CreateOrganizationRequest,
  CreateProductRequest,
  EmailBody,
  ListQuery,
  OperatorList,
  Organization,
  OrganizationList,
  Product,
  ProductList,
  RenameOrganizationRequest,
  UpdateAssetRequest,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOperator, SESSION_SECURITY } from '../../http/auth-context.js';
import { requestInfo } from '../../http/request-info.js';
import { AppError } from '../../lib/errors.js';
import { findUserById } from '../accounts/accounts.repository.js';
import { assetImportRoutes } from '../assets/asset-import.routes.js';
import * as assets from '../assets/assets.service.js';
import * as catalog from '../catalog/catalog.service.js';
import * as organizations from '../organizations/organizations.service.js';
import { listOperators } from './operators.repository.js';
import { grantOperator, removeOperator } from './operators.service.js';

const tags = ['operator'];
const security = SESSION_SECURITY;
const id = z.string().min(1).max(100);

/** The operator area (SPEC §2.2, §3): organizations, catalogue, assets, operators and administrators. */
export const operatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.addHook('onRequest', requireOperator);
  const actor = (request: Parameters<typeof requestInfo>[0]) => requestInfo(request).actor;

  app.get(
    '/api/v1/operator/organizations',
    {
      schema: {
        tags,
        security,
        summary: 'Organizations, searched by name or code',
        querystring: ListQuery,
        response: { 200: OrganizationList },
      },
    },
    async (request) => organizations.listOrganizations(deps, request.query),
  );
  app.post(
    '/api/v1/operator/organizations',
    {
      schema: {
        tags,
        security,
        summary: 'Create an organization',
        body: CreateOrganizationRequest,
        response: { 201: Organization },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await organizations.createOrganization(deps, actor(request), request.body)),
  );
  app.get(
    '/api/v1/operator/organizations/:org',
    {
      schema: {
        tags,
        security,
        summary: 'One organization by id or code',
        params: z.object({ org: id }),
        response: { 200: Organization },
      },
    },
    async (request) =>
      organizations.describeOrganization(await organizations.getOrganization(deps, request.params.org)),
  );
  app.patch(
    '/api/v1/operator/organizations/:org',
    {
      schema: {
        tags,
        security,
        summary: 'Rename an organization',
        params: z.object({ org: id }),
        body: RenameOrganizationRequest,
        response: { 200: Organization },
      },
    },
    async (request) => organizations.renameOrganization(deps, actor(request), request.params.org, request.body.name),
  );
  app.get(
    '/api/v1/operator/organizations/:org/administrators',
    {
      schema: {
        tags,
        security,
        summary: 'Administrators of an organization',
        params: z.object({ org: id }),
        response: { 200: AdministratorList },
      },
    },
    async (request) => organizations.listAdministrators(deps, request.params.org),
  );
  app.post(
    '/api/v1/operator/organizations/:org/administrators',
    {
      schema: {
        tags,
        security,
        summary: 'Appoint an administrator (an existing account)',
        params: z.object({ org: id }),
        body: EmailBody,
        response: { 200: AdministratorList },
      },
    },
    async (request) => organizations.appointAdministrator(deps, actor(request), request.params.org, request.body.email),
  );
  app.delete(
    '/api/v1/operator/organizations/:org/administrators/:user',
    {
      schema: {
        tags,
        security,
        summary: 'Remove an administrator',
        params: z.object({ org: id, user: id }),
        response: { 200: AdministratorList },
      },
    },
    async (request) => organizations.removeAdministrator(deps, actor(request), request.params.org, request.params.user),
  );
  app.get(
    '/api/v1/operator/organizations/:org/assets',
    {
      schema: {
        tags,
        security,
        summary: 'Assets of an organization',
        params: z.object({ org: id }),
        querystring: ListQuery,
        response: { 200: AssetList },
      },
    },
    async (request) => assets.listAssets(deps, request.params.org, request.query),
  );

  app.get(
    '/api/v1/operator/products',
    { schema: { tags, security, summary: 'The product catalogue', response: { 200: ProductList } } },
    async () => catalog.catalogue(deps),
  );
  app.post(
    '/api/v1/operator/products',
    {
      schema: {
        tags,
        security,
        summary: 'Add a product to the catalogue',
        body: CreateProductRequest,
        response: { 201: Product },
      },
    },
    async (request, reply) => reply.code(201).send(await catalog.createProduct(deps, actor(request), request.body)),
  );

  app.post(
    '/api/v1/operator/assets',
    {
      schema: {
        tags,
        security,
        summary: 'Add an asset (organization and product by id or code)',
        body: CreateAssetRequest,
        response: { 201: Asset },
      },
    },
    async (request, reply) => reply.code(201).send(await assets.createAsset(deps, actor(request), request.body)),
  );
  app.patch(
    '/api/v1/operator/assets/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change seats or dates, suspend or reactivate',
        params: z.object({ id }),
        body: UpdateAssetRequest,
        response: { 200: Asset },
      },
    },
    async (request) => assets.updateAsset(deps, actor(request), request.params.id, request.body),
  );
  // Its own plugin: a CSV body parser and a larger body limit for that one route (it inherits requireOperator).
  await app.register(assetImportRoutes);

  app.get(
    '/api/v1/operator/operators',
    { schema: { tags, security, summary: 'The operators of this instance', response: { 200: OperatorList } } },
    async () => ({
      items: await listOperators(deps.db),
    }),
  );
  app.post(
    '/api/v1/operator/operators',
    {
      schema: {
        tags,
        security,
        summary: 'Grant operator rights to an account',
        body: EmailBody,
        response: { 200: OperatorList },
      },
    },
    async (request) => {
      await grantOperator(deps.db, deps.clock, actor(request), request.body.email);
      return { items: await listOperators(deps.db) };
    },
  );
  app.delete(
    '/api/v1/operator/operators/:user',
    {
      schema: {
        tags,
        security,
        summary: 'Remove operator rights',
        params: z.object({ user: id }),
        response: { 200: OperatorList },
      },
    },
    async (request) => {
      const user = await findUserById(deps.db, request.params.user);
      if (!user) throw AppError.notFound('account');
      await removeOperator(deps.db, deps.clock, actor(request), user.email);
      return { items: await listOperators(deps.db) };
    },
  );
};
