import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { Jwks, LeaseClaims, LicenseAnswer } from '../src/types.js';

/**
 * A stand-in for the Portico server in the SDK's unit tests: a `fetch` that answers from handlers the test sets,
 * leases signed with an Ed25519 key of its own, and switches for the failures the SDK must tell apart (the network
 * down, 5xx). The real server is driven by the integration tests (apps/server/test/integration/sdk*.test.ts).
 */
export const ISSUER = 'http://portico.test';

export interface FakeRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

export type Handler = (request: FakeRequest) => { status: number; body?: unknown } | null;

export interface Signer {
  kid: string;
  privateKey: KeyObject;
  jwks: Jwks;
  sign(claims: Partial<LeaseClaims>, options?: { kid?: string }): string;
}

export function createSigner(kid = 'key-1'): Signer {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' } as Jwks['keys'][number];
  return {
    kid,
    privateKey,
    jwks: { keys: [jwk] },
    sign(claims, options = {}) {
      return signLease(privateKey, options.kid ?? kid, claims);
    },
  };
}

export function leaseClaims(overrides: Partial<LeaseClaims> = {}): LeaseClaims {
  const iat = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    aud: 'portico-license',
    sub: 'usr_1',
    user: 'usr_1',
    organization: 'org_1',
    product: 'PRM-2026',
    asset: 'ast_1',
    activation: 'act_1',
    fingerprint: 'f'.repeat(64),
    kind: 'online',
    mode: 'named-user',
    iat,
    exp: iat + 1800,
    ...overrides,
  };
}

/** The JWS format the server uses: `{alg: EdDSA, kid, typ: JWT}`, Ed25519 over `header.payload`. */
export function signLease(privateKey: KeyObject, kid: string, claims: Partial<LeaseClaims>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid, typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(leaseClaims(claims))).toString('base64url');
  const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

export function licenseAnswer(overrides: Partial<LicenseAnswer> = {}): LicenseAnswer {
  return {
    valid: true,
    code: 'VALID',
    message: 'Valid',
    activation: {
      id: 'act_1',
      kind: 'online',
      status: 'active',
      organization: 'org_1',
      product: { id: 'prd_1', code: 'PRM-2026', name: 'Premium 2026' },
      asset: 'ast_1',
      deviceId: 'dev_1',
      machineName: 'desk',
      leaseExpiresAt: new Date().toISOString(),
      offlineUntil: null,
      createdAt: new Date().toISOString(),
    },
    lease: null,
    leaseExpiresAt: null,
    heartbeatIntervalSeconds: 600,
    holder: null,
    devices: null,
    transfers: null,
    retryAt: null,
    ...overrides,
  };
}

export interface FakeServer {
  fetch: typeof fetch;
  signer: Signer;
  requests: FakeRequest[];
  /** 'up', 'down' (the network fails), or a status every request gets (503, 429…). */
  mode: 'up' | 'down' | number;
  /** The Date header the server sends (null: none). */
  date: number | null;
  on(method: string, path: string | RegExp, handler: Handler): void;
}

export function createFakeServer(): FakeServer {
  const routes: { method: string; path: string | RegExp; handler: Handler }[] = [];
  const server: FakeServer = {
    signer: createSigner(),
    requests: [],
    mode: 'up',
    date: null,
    on(method, path, handler) {
      routes.unshift({ method, path, handler });
    },
    fetch: (async (input: string | URL | Request, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
      const request: FakeRequest = {
        method: init.method ?? 'GET',
        path: url.pathname,
        headers,
        body: typeof init.body === 'string' ? init.body : null,
      };
      server.requests.push(request);
      if (server.mode === 'down') throw new TypeError('fetch failed');
      const responseHeaders: Record<string, string> = { 'content-type': 'application/json' };
      if (server.date !== null) responseHeaders.date = new Date(server.date).toUTCString();
      if (typeof server.mode === 'number') {
        return new Response(JSON.stringify({ error: { code: 'X', message: 'x' } }), {
          status: server.mode,
          headers: responseHeaders,
        });
      }
      const matches = (path: string | RegExp) =>
        typeof path === 'string' ? path === url.pathname : path.test(url.pathname);
      for (const route of routes) {
        if (route.method !== request.method || !matches(route.path)) continue;
        const reply = route.handler(request);
        if (!reply) continue;
        const body = reply.body === undefined ? null : JSON.stringify(reply.body);
        return new Response(body, { status: reply.status, headers: responseHeaders });
      }
      const body = { error: { code: 'NOT_FOUND', message: `no route ${request.method} ${url.pathname}` } };
      return new Response(JSON.stringify(body), { status: 404, headers: responseHeaders });
    }) as typeof fetch,
  };
  server.on('GET', '/.well-known/jwks.json', () => ({ status: 200, body: server.signer.jwks }));
  return server;
}
