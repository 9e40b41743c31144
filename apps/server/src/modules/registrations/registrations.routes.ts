import {
  ClaimInfo,
  ClaimRequest,
  ClaimResult,
  OrgParams,
  RegistrationRequest,
  RegistrationResult,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestInfo } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { claim, claimInfo, registerSerial } from './registrations.service.js';

const tags = ['registration'];
const org = OrgParams;

/**
 * Register product and the First Moment of Truth (SPEC §2.3). The claim routes are for users linked to `:org` by a
 * registered serial: the service checks the link and answers everyone else like an unknown organization.
 */
export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/registrations',
    route('session', {
      tags,
      summary: 'Register a product by its serial number',
      body: RegistrationRequest,
      response: { 200: RegistrationResult },
    }),
    async (request) => {
      const info = requestInfo(request);
      return registerSerial(deps, { ...info.actor, ip: info.ip }, request.auth, request.body.serial);
    },
  );

  app.get(
    '/api/v1/orgs/:org/claim',
    route('session', {
      tags,
      summary: 'The First Moment of Truth: the organization to verify',
      params: org,
      response: { 200: ClaimInfo },
    }),
    async (request) => claimInfo(deps, request.auth, request.params.org),
  );
  app.post(
    '/api/v1/orgs/:org/claim',
    route('session', {
      tags,
      summary: 'Promote me to Administrator',
      params: org,
      body: ClaimRequest,
      response: { 200: ClaimResult },
    }),
    async (request) => claim(deps, actorOf(request), request.auth, request.params.org, request.body),
  );
};
