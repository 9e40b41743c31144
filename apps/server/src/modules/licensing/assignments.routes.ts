import {
  AssignmentList,
  AssignmentsQuery,
  AssignRequest,
  AssignResult,
  IdInput,
  MyProducts,
  OrgParams,
  RevokeRequest,
  RevokeResult,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationOf } from '../../http/access.js';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { AppError } from '../../lib/errors.js';
import { listAssignments, myProducts } from './assignment-views.service.js';
import { assign, revoke } from './assignments.service.js';

const tags = ['licensing'];

const key = IdInput;
const orgParams = OrgParams;

/** Assign and revoke products (SPEC §2.5), and My products. */
export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/orgs/:org/assignments',
    route('org-admin', {
      tags,
      summary: 'Assign a product (an asset, or a product whose asset Portico picks) to up to 500 members',
      description:
        'Answers each user: `assigned`, `already assigned`, `no seat available`, `product type already held`, ' +
        '`not a member`, `asset not active`. Given `product`, seats come from the active asset of that product with ' +
        'a free seat whose term ends last (perpetual first), then the next. A user who is not a member of the ' +
        'organization makes the whole request a 404 naming `users.N`, and nothing is assigned.',
      params: orgParams,
      body: AssignRequest,
      response: { 200: AssignResult },
    }),
    async (request) => assign(deps, actorOf(request), organizationOf(request).id, request.body),
  );
  app.get(
    '/api/v1/orgs/:org/assignments',
    route('org-admin', {
      tags,
      summary: 'Active assignments, newest first, by asset, user, product (id or code) or assignee name/email',
      params: orgParams,
      querystring: AssignmentsQuery,
      response: { 200: AssignmentList },
    }),
    async (request) => listAssignments(deps, organizationOf(request).id, request.query),
  );
  app.delete(
    '/api/v1/orgs/:org/assignments/:id',
    route('org-admin', {
      tags,
      summary: 'Revoke an assignment',
      params: z.object({ org: key, id: key }),
    }),
    async (request, reply) => {
      const { results } = await revoke(deps, actorOf(request), organizationOf(request).id, [request.params.id]);
      if (results[0]?.outcome !== 'revoked') throw AppError.notFound('assignment');
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/orgs/:org/assignments/revoke',
    route('org-admin', {
      tags,
      summary: 'Revoke up to 500 assignments at once; each answered `revoked` or `not found`',
      params: orgParams,
      body: RevokeRequest,
      response: { 200: RevokeResult },
    }),
    async (request) => revoke(deps, actorOf(request), organizationOf(request).id, request.body.assignments),
  );

  app.get(
    '/api/v1/orgs/:org/my-products',
    route('org-member', {
      tags,
      summary: 'My products: what is assigned to me in this organization',
      params: orgParams,
      response: { 200: MyProducts },
    }),
    async (request) => myProducts(deps, organizationOf(request).id, request.auth.user.id),
  );
};
