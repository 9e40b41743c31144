// What the licensing scenarios (70-, 71-) share: a server of their own per database, members seeded with SQL and
// signed in with session rows, products, assets and assignments through the operator API, and desktop sign-ins
// through the real device flow (RFC 8628) for bearer tokens.
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { ROOT, startPortico } from './portico.mjs';
import { createTemporaryDatabase } from './postgres.mjs';
import { memberRows, seedPostgres, seedSqlite } from './seed-members.mjs';

const { newId } = await import(pathToFileURL(join(ROOT, 'apps/server/dist/lib/ids.js')).href);

/**
 * The activation scenarios start thousands of activations per member in a few seconds, far beyond the default
 * ACTIVATIONS_PER_DAY (20 per user, against rotating fingerprints): the server runs with the highest value allowed.
 */
export const ACTIVATIONS_PER_DAY = 10_000;
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** Device codes are limited per address (600 an hour, an office behind one address): this many per source address. */
const SIGN_INS_PER_ADDRESS = 500;
const SESSION_TTL_MS = 7 * 86_400_000;
const SETUP_CONCURRENCY = 16;

const servers = new Map();

/**
 * One server per database for every licensing scenario, started with a known SECRET (the session rows inserted
 * here need their cookies signed) and ACTIVATIONS_PER_DAY raised. It is stopped with the run's cleanups.
 */
export function licensingServer(database) {
  if (!servers.has(database)) {
    servers.set(
      database,
      (async () => {
        const secret = randomBytes(36).toString('base64url');
        const databaseUrl = database === 'postgres' ? await createTemporaryDatabase() : undefined;
        const extraEnv = { SECRET: secret, ACTIVATIONS_PER_DAY: String(ACTIVATIONS_PER_DAY) };
        const portico = await startPortico({ database, databaseUrl, extraEnv });
        return { ...portico, secret, signIns: 0 };
      })(),
    );
  }
  return servers.get(database);
}

const agents = new Map();
/** A kept-alive agent per source address (127.0.0.0/8 is all loopback on Linux). */
const agentFor = (localAddress = '127.0.0.1') => {
  if (!agents.has(localAddress)) agents.set(localAddress, new http.Agent({ keepAlive: true, localAddress }));
  return agents.get(localAddress);
};

/** One HTTP call that must answer `expected`: the parsed JSON answer. `form` sends the body form-encoded. */
export function call(url, method, path, { body, form, headers = {}, localAddress, expected = 200 } = {}) {
  const payload = form ? new URLSearchParams(form).toString() : body === undefined ? undefined : JSON.stringify(body);
  const type = form ? 'application/x-www-form-urlencoded' : 'application/json';
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${path}`,
      {
        method,
        agent: agentFor(localAddress),
        headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': type }) },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== expected)
            reject(new Error(`${method} ${path} answered ${response.statusCode}: ${text.slice(0, 400)}`));
          else resolve(text ? JSON.parse(text) : null);
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** `fn` over `items`, `limit` at a time; the results in order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A connection to the server's database from the harness (read-only on SQLite): { rows(text, params), close }. */
export async function connect(portico) {
  if (portico.database === 'sqlite') {
    const db = new SQLite(join(portico.dataDir, 'portico.db'), { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    return { rows: async (text, params = []) => db.prepare(text).all(...params), close: async () => db.close() };
  }
  const client = new pg.Client({ connectionString: portico.databaseUrl });
  await client.connect();
  // `?` placeholders, as SQLite writes them, numbered for PostgreSQL.
  const numbered = (text) => {
    let i = 0;
    return text.replace(/\?/g, () => `$${++i}`);
  };
  return {
    rows: async (text, params = []) => (await client.query(numbered(text), params)).rows,
    close: () => client.end(),
  };
}

/** One SQL query on a connection of its own: the rows. */
export async function query(portico, text, params) {
  const connection = await connect(portico);
  try {
    return await connection.rows(text, params);
  } finally {
    await connection.close();
  }
}

export const count = async (portico, text, params) => Number((await query(portico, text, params))[0].n);

/** A 32-character token from Better Auth's alphabet, and its signed cookie (apps/server/test/helpers/factories.ts). */
function sessionOf(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const token = Array.from(randomBytes(32), (byte) => alphabet[byte % alphabet.length]).join('');
  const signature = createHmac('sha256', secret).update(token).digest('base64');
  return { token, cookie: `portico.session_token=${encodeURIComponent(`${token}.${signature}`)}` };
}

async function insertSessions(portico, sessions) {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const expires = new Date(now + SESSION_TTL_MS).toISOString();
  const rows = sessions.map((s) => [newId('session', now), s.userId, s.token]);
  if (portico.database === 'sqlite') {
    const db = new SQLite(join(portico.dataDir, 'portico.db'));
    db.pragma('busy_timeout = 10000');
    const insert = db.prepare(
      `insert into sessions (id, user_id, token, expires_at, ip_address, user_agent, created_at, updated_at)
       values (?, ?, ?, ?, '127.0.0.1', 'portico-bench', ?, ?)`,
    );
    db.transaction(() => {
      for (const [id, userId, token] of rows) insert.run(id, userId, token, expires, at, at);
    })();
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: portico.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into sessions (id, user_id, token, expires_at, ip_address, user_agent, created_at, updated_at)
       select id, user_id, token, $4, '127.0.0.1', 'portico-bench', $5, $5
       from unnest($1::text[], $2::text[], $3::text[]) as s(id, user_id, token)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), expires, at],
    );
  } finally {
    await client.end();
  }
}

/**
 * `count` verified members of the organization, seeded with SQL (lib/seed-members.mjs), each with a live session
 * inserted the way the test factories do: [{ id, email, cookie }].
 */
export async function seedSignedInMembers(portico, organizationId, members, label) {
  const rows = memberRows(organizationId, { members, invitations: 0 });
  const domain = `${label}-${randomBytes(3).toString('hex')}.example`;
  for (const user of rows.users) {
    user.email = user.email.replace('@members.example', `@${domain}`);
    user.rights = 'member';
  }
  if (portico.database === 'sqlite') seedSqlite(join(portico.dataDir, 'portico.db'), rows);
  else await seedPostgres(portico.databaseUrl, rows);
  const signedIn = rows.users.map((u) => ({ id: u.id, email: u.email, ...sessionOf(portico.secret) }));
  await insertSessions(
    portico,
    signedIn.map((m) => ({ userId: m.id, token: m.token })),
  );
  return signedIn.map(({ id, email, cookie }) => ({ id, email, cookie }));
}

const operator = (portico, method, path, body, expected = 200) =>
  call(portico.url, method, path, { body, headers: { cookie: portico.cookie }, expected });

export async function createOrganization(portico, label) {
  const code = `bench-${label}-${randomBytes(3).toString('hex')}`;
  const body = { name: `Bench ${label}`, code };
  return (await operator(portico, 'POST', '/api/v1/operator/organizations', body, 201)).id;
}

/** A license product of a type of its own (a member holds one product of a type). */
export async function createProduct(portico, label) {
  const suffix = randomBytes(3).toString('hex');
  const body = { code: `BENCH-${label}-${suffix}`, name: `Bench ${label}`, kind: 'license', type: `b${suffix}` };
  return (await operator(portico, 'POST', '/api/v1/operator/products', body, 201)).id;
}

let serials = 0;
export async function createAsset(portico, { organizationId, productId, seats, mode }) {
  const serial = `BL${randomBytes(4).toString('hex').toUpperCase()}${String(++serials).padStart(6, '0')}`;
  const body = { organization: organizationId, product: productId, serial, seats, mode, startsAt: '2026-01-01' };
  const { id } = await operator(portico, 'POST', '/api/v1/operator/assets', body, 201);
  return { id, serial };
}

/** Assigns the asset to the members through the API, 500 a request (the operator acts as an administrator). */
export async function assignAll(portico, organizationId, assetId, members) {
  for (let i = 0; i < members.length; i += 500) {
    const users = members.slice(i, i + 500).map((m) => m.id);
    const { results } = await operator(portico, 'POST', `/api/v1/orgs/${organizationId}/assignments`, {
      asset: assetId,
      users,
    });
    const assigned = results.filter((r) => r.outcome === 'assigned').length;
    if (assigned !== users.length) throw new Error(`${assigned} of ${users.length} members were assigned`);
  }
}

/**
 * A desktop sign-in as the application and the member do it: device code (form-encoded), approval with the member's
 * session, token. Sign-ins are spread over source addresses 127.0.0.2… so the per-address limit on device codes
 * (an office behind one address) is not what a benchmark of hundreds of members measures.
 */
export async function deviceSignIn(portico, member) {
  const localAddress = `127.0.0.${2 + Math.floor(portico.signIns++ / SIGN_INS_PER_ADDRESS)}`;
  const form = { client_id: 'bench', machine_name: `bench-${member.id}`, platform: 'linux-x64' };
  const code = await call(portico.url, 'POST', '/api/v1/licensing/device/code', { form, localAddress });
  await call(portico.url, 'POST', `/api/v1/licensing/device/requests/${code.user_code}`, {
    body: { decision: 'approve' },
    headers: { cookie: member.cookie },
  });
  const token = await call(portico.url, 'POST', '/api/v1/licensing/device/token', {
    form: { grant_type: DEVICE_GRANT, device_code: code.device_code, client_id: 'bench' },
    localAddress,
  });
  return token.access_token;
}

/** Bearer tokens for every member, SETUP_CONCURRENCY sign-ins at a time: members with `token`. */
export async function signInDevices(portico, members) {
  const tokens = await mapLimit(members, SETUP_CONCURRENCY, (member) => deviceSignIn(portico, member));
  return members.map((member, i) => ({ ...member, token: tokens[i] }));
}

/** Device A or B of a member: three fingerprint components, all different between the two. */
export function machineOf(memberId, device) {
  return {
    fingerprint: { machineId: `${memberId}-${device}-mid`, osInstallId: `${memberId}-${device}-os`, cpu: device },
    name: `bench-${device}`,
    platform: 'linux-x64',
  };
}

/** One activation through the API: the answer (its code says whether it was granted). */
export function activate(portico, member, productId, device, takeover = false) {
  return call(portico.url, 'POST', '/api/v1/licensing/activations', {
    body: { product: productId, machine: machineOf(member.id, device), takeover },
    headers: { authorization: `Bearer ${member.token}` },
  });
}

/** Waits until the mail worker has taken every queued email, so it does not share the CPU with a measured run. */
export async function drainOutbox(portico, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  const pending = `select count(*) as n from outbox_emails where status in ('pending', 'sending')`;
  while ((await count(portico, pending)) > 0) {
    if (performance.now() > deadline) throw new Error('the outbox did not drain before the measured run');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Users holding more than one active named-user activation of a product (the slot allows one): must be 0. */
export const OVERSOLD_USERS = `select count(*) as n from (select 1 from activations
  where kind = 'online' and status = 'active' group by organization_id, user_id, product_id having count(*) > 1) o`;

/** Samples `read` every `everyMs` until stopped: the highest value seen. */
export function watchMax(read, everyMs = 100) {
  let max = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const value = await read();
      max = max === null ? value : Math.max(max, value);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return max;
    },
  };
}
