import {
  CreateOrganizationRequest,
  ListQuery,
  Organization,
  OrganizationList,
  OrgParams,
  RenameOrganizationRequest,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import * as organizations from './organizations.service.js';

const tags = ['operator'];
const orgParams = OrgParams;

/** Organizations (SPEC §2.2): only operators create, list and rename them. */
export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/v1/operator/organizations',
    route('operator', {
      tags,
      summary: 'Organizations, searched by name or code',
      querystring: ListQuery,
      response: { 200: OrganizationList },
    }),
    async (request) => organizations.listOrganizations(deps, request.query),
  );
  app.post(
    '/api/v1/operator/organizations',
    route('operator', {
      tags,
      summary: 'Create an organization',
      body: CreateOrganizationRequest,
      response: { 201: Organization },
    }),
    async (request, reply) =>
      reply.code(201).send(await organizations.createOrganization(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/operator/organizations/:org',
    route('operator', {
      tags,
      summary: 'One organization by id or code',
      params: orgParams,
      response: { 200: Organization },
    }),
    async (request) =>
      organizations.describeOrganization(await organizations.getOrganization(deps, request.params.org)),
  );
  app.patch(
    '/api/v1/operator/organizations/:org',
    route('operator', {
      tags,
      summary: 'Rename an organization',
      params: orgParams,
      body: RenameOrganizationRequest,
      response: { 200: Organization },
    }),
    async (request) => organizations.renameOrganization(deps, actorOf(request), request.params.org, request.body.name),
  );
};
