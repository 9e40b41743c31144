import {
  ActivateRequest,
  CheckoutRequest,
  IdInput,
  LicenseAnswer,
  LicensingProducts,
  MachineActivateRequest,
  MachineSerialRequest,
} from '@portico/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { licensingProducts } from './activation-views.service.js';
import { activate, type Requester } from './activations.service.js';
import { heartbeat } from './heartbeats.service.js';
import { checkout, release } from './license-changes.service.js';
import { activateMachine } from './machine-activations.service.js';

const tags = ['licensing'];
const params = z.object({ id: IdInput });
const answers = { response: { 200: LicenseAnswer } };
// A desktop application's token (scope `licensing`) or a browser session.
const licensing = { scope: 'licensing' } as const;

function requesterOf(request: FastifyRequest): Requester {
  const { auth } = request;
  return { userId: auth.user.id, tokenId: auth.via === 'bearer' ? auth.tokenId : null, actor: actorOf(request) };
}

/**
 * The desktop application's licensing API (SPEC §4.3). Business outcomes are answered as data, `200 {valid, code}`;
 * an activation id that is not the caller's is answered 404 like a missing one.
 */
export const activationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/licensing/products',
    route(
      'session',
      {
        tags,
        summary: "The caller's named-user products: devices, the one in use, transfers left",
        response: { 200: LicensingProducts },
      },
      licensing,
    ),
    async (request) => licensingProducts(deps, request.auth.user.id),
  );
  app.post(
    '/api/v1/licensing/activations',
    route(
      'session',
      {
        tags,
        summary: 'Activate a product assigned to the caller on this machine',
        description:
          'One device in use per user and product: another registered device holding it answers ' +
          '`ACTIVE_ON_ANOTHER_MACHINE` (move it for free with `takeover`); a device beyond DEVICES_PER_USER answers ' +
          '`DEVICE_LIMIT_REACHED` (replace one with `transfer`, which uses one of TRANSFER_LIMIT).',
        body: ActivateRequest,
        ...answers,
      },
      licensing,
    ),
    async (request) => activate(deps, requesterOf(request), request.body),
  );
  app.post(
    '/api/v1/licensing/activations/:id/heartbeat',
    route(
      'session',
      { tags, summary: 'Renew the lease; says if the license moved, ended or was revoked', params, ...answers },
      licensing,
    ),
    async (request) => heartbeat(deps, request.params.id, { userId: request.auth.user.id }),
  );
  app.post(
    '/api/v1/licensing/activations/:id/checkout',
    route(
      'session',
      {
        tags,
        summary: 'Check out an offline lease of up to OFFLINE_LEASE_MAX days',
        params,
        body: CheckoutRequest,
        ...answers,
      },
      licensing,
    ),
    async (request) => checkout(deps, actorOf(request), request.params.id, request.auth.user.id, request.body.days),
  );
  app.delete(
    '/api/v1/licensing/activations/:id',
    route(
      'session',
      { tags, summary: 'Release: frees the slot at once (returns an offline lease early)', params, ...answers },
      licensing,
    ),
    async (request) =>
      release(
        deps,
        { as: 'device', renewer: { userId: request.auth.user.id }, actor: actorOf(request) },
        request.params.id,
      ),
  );

  app.post(
    '/api/v1/licensing/machine-activations',
    route('public', {
      tags,
      summary: 'Machine mode: activate this machine with the serial number (up to the seat count, no sign-in)',
      body: MachineActivateRequest,
      ...answers,
    }),
    async (request) => activateMachine(deps, actorOf(request), request.body),
  );
  app.post(
    '/api/v1/licensing/machine-activations/:id/heartbeat',
    route('public', { tags, summary: 'Machine mode: renew the lease', params, body: MachineSerialRequest, ...answers }),
    async (request) => heartbeat(deps, request.params.id, { serial: request.body.serial }),
  );
  app.post(
    '/api/v1/licensing/machine-activations/:id/release',
    route('public', {
      tags,
      summary: 'Machine mode: release the seat',
      params,
      body: MachineSerialRequest,
      ...answers,
    }),
    async (request) =>
      release(
        deps,
        { as: 'device', renewer: { serial: request.body.serial }, actor: actorOf(request) },
        request.params.id,
      ),
  );
};
