// Activations under load (SPEC §2.5, §6), 50 connections, on the licensing scenarios' server (lib/licensing.mjs),
// which runs with ACTIVATIONS_PER_DAY=10000: every measured request starts a new activation, and the default (20 a
// user a day, against rotating fingerprints) would refuse most of them within the first second.
//   many assets   ORGANIZATIONS organizations, one online asset each (PRODUCTS products in turn), MEMBERS_PER_ORG
//                 members each, seeded with SQL, assigned through the API, signed in through the device flow and
//                 activated once on device A. Each request is the next member's activation on its other device with
//                 `takeover: true`: a full activation (lock, slot, device, new row, the old one ended, audit)
//                 ≥ 2,000 activations/s
//   hot asset     the same on one asset assigned to HOT_MEMBERS members                        ≥ 500 activations/s
//   machine mode  one machine-mode asset of MACHINE_SEATS seats (fewer than the connections): each connection
//                 activates a new machine with the serial (POST /api/v1/licensing/machine-activations) and releases it
//                 (…/{id}/release {serial}); "no seat available" is followed by the next machine
//                 ≥ 500 activation requests/s (granted or refused: each counts the seats under the asset's lock)
// Then, in the database ("zero oversold"): users holding more than one active activation of a product, at the end
// (and on the hot asset also sampled every 100 ms while the run goes on); in machine mode the active machine
// activations of the asset against its seats, sampled every 100 ms while the run goes on and read again at its end.
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import {
  activate,
  assignAll,
  call,
  connect,
  count,
  createAsset,
  createOrganization,
  createProduct,
  drainOutbox,
  licensingServer,
  machineOf,
  mapLimit,
  OVERSOLD_USERS,
  query,
  seedSignedInMembers,
  signInDevices,
  watchMax,
} from '../lib/licensing.mjs';
import { DURATION_SECONDS, LOAD, WARMUP_SECONDS } from '../lib/load.mjs';
import { cpuSeconds } from '../lib/processes.mjs';

const ORGANIZATIONS = 40;
const MEMBERS_PER_ORG = 25;
const PRODUCTS = 4;
const HOT_MEMBERS = 500;
const MACHINE_SEATS = 20;
const SETTLE_MS = 1_000;
const TARGET = { manyAssets: 2_000, hotAsset: 500, machine: 500 };

/** `organizations` organizations of `members` members, one online asset each, every member active on device A. */
async function namedFleet(database, { organizations, members, products, label }) {
  const portico = await licensingServer(database);
  const started = performance.now();
  const productIds = [];
  for (let p = 0; p < products; p++) productIds.push(await createProduct(portico, `${label}${p}`));
  const assetIds = [];
  let fleet = [];
  for (let o = 0; o < organizations; o++) {
    const organizationId = await createOrganization(portico, label.toLowerCase());
    const productId = productIds[o % products];
    const seeded = await seedSignedInMembers(portico, organizationId, members, label.toLowerCase());
    const asset = await createAsset(portico, { organizationId, productId, seats: members, mode: 'online' });
    await assignAll(portico, organizationId, asset.id, seeded);
    assetIds.push(asset.id);
    fleet.push(...seeded.map((m) => ({ ...m, productId, device: 'A' })));
  }
  fleet = await signInDevices(portico, fleet);
  const answers = await mapLimit(fleet, 16, (member) => activate(portico, member, member.productId, 'A'));
  const refused = answers.filter((a) => a.code !== 'VALID');
  if (refused.length > 0) throw new Error(`${refused.length} activations answered ${refused[0].code}`);
  await drainOutbox(portico);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`  ${database}: ${fleet.length} members on ${assetIds.length} assets ready in ${seconds} s`);
  return { portico, members: fleet, assetIds };
}

/** Each request: the next member moves its license to its other device (takeover), so every request writes. */
function takeoverRequest(members, tally) {
  let next = 0;
  return {
    method: 'POST',
    path: '/api/v1/licensing/activations',
    setupRequest: (request) => {
      const member = members[next++ % members.length];
      member.device = member.device === 'A' ? 'B' : 'A';
      request.headers.authorization = `Bearer ${member.token}`;
      request.body = JSON.stringify({
        product: member.productId,
        machine: machineOf(member.id, member.device),
        takeover: true,
      });
      return request;
    },
    onResponse: (status, body) => {
      if (status !== 200 || !tally.on) return;
      const { code } = JSON.parse(body);
      tally.codes[code] = (tally.codes[code] ?? 0) + 1;
    },
  };
}

/** Warm-up, then the measured run with `watch` sampled; the autocannon result, server CPU s and the sampled max. */
async function loadRun(portico, requests, tally, { watch, between } = {}) {
  const options = { ...LOAD, url: portico.url, headers: { 'content-type': 'application/json' }, requests };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  // autocannon stops without waiting for the answers in flight; the server still commits them: let it finish.
  await sleep(SETTLE_MS);
  if (between) await between();
  const watcher = watch ? watchMax(watch) : null;
  const cpuBefore = await cpuSeconds(portico.server.pid);
  tally.on = true;
  const result = await autocannon({ ...options, duration: DURATION_SECONDS });
  tally.on = false;
  const cpuAfter = await cpuSeconds(portico.server.pid);
  await sleep(SETTLE_MS);
  const sampledMax = watcher ? await watcher.stop() : null;
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { result, cpu, sampledMax };
}

const ms = (label, value) => ({ label, value, unit: 'ms', digits: 0 });
const n = (label, value, bounds = {}) => ({ label, value, unit: '', digits: 0, ...bounds });
const ofBaseline = (rps, baselineRps) => ({
  label: 'of the bare route',
  value: baselineRps ? (rps / baselineRps) * 100 : null,
  unit: '%',
  digits: 1,
});

function named(database, { name, layout, min, hot }) {
  return {
    name,
    database,
    reports: 'figures',
    plan: `${WARMUP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured; then count users holding two slots`,
    async setup() {
      return namedFleet(database, layout);
    },
    async run(ctx, { portico, members, assetIds }) {
      const tally = { on: false, codes: {} };
      const rows = `select count(*) as n from activations where kind = 'online'`;
      const perUser = `select count(*) as n from (select 1 from activations where asset_id = ? and kind = 'online'
        and status = 'active' group by user_id having count(*) > 1) o`;
      const reader = hot ? await connect(portico) : null;
      const sample = async () => Number((await reader.rows(perUser, [assetIds[0]]))[0].n);
      let rowsBefore = 0;
      const { result, cpu, sampledMax } = await loadRun(portico, [takeoverRequest(members, tally)], tally, {
        watch: reader ? sample : null,
        between: async () => {
          rowsBefore = await count(portico, rows);
        },
      });
      await reader?.close();
      const written = (await count(portico, rows)) - rowsBefore;
      const oversold = await count(portico, OVERSOLD_USERS);
      const failed = result.non2xx + result.errors + result.timeouts;
      const rps = result.requests.average;
      console.log(`  ${database}: codes ${JSON.stringify(tally.codes)}; ${written} activation rows written`);
      const figures = [
        { label: 'activations/s', value: rps, unit: '/s', digits: 0, min },
        ofBaseline(rps, ctx.baselineRps),
        ms('latency p50', result.latency.p50),
        ms('latency p99', result.latency.p99),
        n('answered VALID', tally.codes.VALID ?? 0),
        n('new activation rows', written),
        { label: 'server CPU per activation', value: cpu && (cpu * 1e6) / result.requests.total, unit: 'µs' },
        n('users with two active activations of a product (end)', oversold, { min: 0, max: 0 }),
      ];
      if (hot) figures.push(n('… on the hot asset, most seen while running', sampledMax, { min: 0, max: 0 }));
      // An answer other than VALID (a takeover refused, the daily limit) is a failed activation here.
      const answered = Object.values(tally.codes).reduce((a, b) => a + b, 0);
      return { figures, failedRequests: failed + answered - (tally.codes.VALID ?? 0) };
    },
  };
}

/** Connections activate a new machine, then release it when they got a seat. */
function machineRequests(serial, tally) {
  let machines = 0;
  const path = '/api/v1/licensing/machine-activations';
  const record = (kind, body) => {
    const answer = JSON.parse(body);
    if (tally.on) tally[kind][answer.code] = (tally[kind][answer.code] ?? 0) + 1;
    return answer;
  };
  return [
    {
      method: 'POST',
      path,
      setupRequest: (request, context) => {
        context.activation = null;
        const m = machines++;
        const machine = { fingerprint: { machineId: `bench-machine-${m}` }, name: `ci-${m}`, platform: 'linux-x64' };
        request.body = JSON.stringify({ serial, machine });
        return request;
      },
      onResponse: (status, body, context) => {
        if (status !== 200) return;
        const answer = record('activate', body);
        context.activation = answer.code === 'VALID' ? answer.activation.id : null;
      },
    },
    {
      method: 'POST',
      setupRequest: (request, context) => {
        if (!context.activation) return null;
        request.path = `${path}/${context.activation}/release`;
        request.body = JSON.stringify({ serial });
        return request;
      },
      onResponse: (status, body) => status === 200 && record('release', body),
    },
  ];
}

const machine = (database) => ({
  name: `Licensing: machine activations on one hot asset (${MACHINE_SEATS} seats, activate/release)`,
  database,
  reports: 'figures',
  plan: `${WARMUP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured; active machine activations sampled every 100 ms`,
  async setup() {
    const portico = await licensingServer(database);
    const organizationId = await createOrganization(portico, 'machine');
    const productId = await createProduct(portico, 'MACHINE');
    const asset = await createAsset(portico, { organizationId, productId, seats: MACHINE_SEATS, mode: 'machine' });
    return { portico, asset };
  },
  async run(ctx, { portico, asset }) {
    const tally = { on: false, activate: {}, release: {} };
    const active = `select count(*) as n from activations where asset_id = ? and kind = 'machine' and status = 'active'`;
    const reader = await connect(portico);
    // Connections stopped between an activation and its release keep seats: free them before measuring.
    const held = `select id from activations where asset_id = ? and kind = 'machine' and status = 'active'`;
    const releaseAll = async () => {
      for (
        let rows = await query(portico, held, [asset.id]);
        rows.length > 0;
        rows = await query(portico, held, [asset.id])
      ) {
        await mapLimit(rows, 8, ({ id }) =>
          call(portico.url, 'POST', `/api/v1/licensing/machine-activations/${id}/release`, {
            body: { serial: asset.serial },
          }),
        );
      }
    };
    const { result, cpu, sampledMax } = await loadRun(portico, machineRequests(asset.serial, tally), tally, {
      watch: async () => Number((await reader.rows(active, [asset.id]))[0].n),
      between: releaseAll,
    });
    await reader.close();
    const atEnd = await count(portico, active, [asset.id]);
    const activations = Object.values(tally.activate).reduce((a, b) => a + b, 0);
    const granted = tally.activate.VALID ?? 0;
    const duration = result.duration;
    console.log(`  ${database}: activate ${JSON.stringify(tally.activate)}, release ${JSON.stringify(tally.release)}`);
    const failed = result.non2xx + result.errors + result.timeouts;
    return {
      figures: [
        { label: 'activation requests/s', value: activations / duration, unit: '/s', digits: 0, min: TARGET.machine },
        ofBaseline(activations / duration, ctx.baselineRps),
        { label: 'activations granted/s', value: granted / duration, unit: '/s', digits: 0 },
        { label: 'all requests/s (with releases)', value: result.requests.average, unit: '/s', digits: 0 },
        ms('latency p50', result.latency.p50),
        ms('latency p99', result.latency.p99),
        n('no seat available', tally.activate.NO_SEAT_AVAILABLE ?? 0),
        n('released', tally.release.RELEASED ?? 0),
        { label: 'server CPU per request', value: cpu && (cpu * 1e6) / result.requests.total, unit: 'µs' },
        n('active machine activations, most seen while running', sampledMax, { max: MACHINE_SEATS }),
        n('active machine activations at the end', atEnd, { max: MACHINE_SEATS }),
      ],
      failedRequests: failed,
    };
  },
});

const manyAssets = (database) =>
  named(database, {
    name: `Licensing: activations over ${ORGANIZATIONS} assets (${ORGANIZATIONS * MEMBERS_PER_ORG} members, takeover A/B)`,
    layout: { organizations: ORGANIZATIONS, members: MEMBERS_PER_ORG, products: PRODUCTS, label: 'MANY' },
    min: TARGET.manyAssets,
  });
const hotAsset = (database) =>
  named(database, {
    name: `Licensing: activations on one hot asset (${HOT_MEMBERS} members, takeover A/B)`,
    layout: { organizations: 1, members: HOT_MEMBERS, products: 1, label: 'HOT' },
    min: TARGET.hotAsset,
    hot: true,
  });

// SQLite is the default; PostgreSQL is measured too and skipped when none is reachable.
export default [
  manyAssets('sqlite'),
  hotAsset('sqlite'),
  machine('sqlite'),
  manyAssets('postgres'),
  hotAsset('postgres'),
  machine('postgres'),
];
