// Bulk invite of 10,000 addresses (SPEC §2.4, §6; issue 4): an administrator sends 20 requests of 500 addresses,
// one after another, as the web's CSV upload does, to a server of its own whose SMTP_URL is a local SMTP server
// that counts what arrives (lib/smtp-sink.mjs). Figures and targets:
//   accepted and persisted     first request sent → 20th answer received (each 200, 500 × "invited")   ≤ 5 s
//   delivered, end to end      first request sent → 10,000th message at the SMTP server                ≥ 200 msg/s
//   drain after persistence    messages still to deliver at the 20th answer ÷ the time they took       ≥ 200 msg/s
//   server memory growth       peak RSS during the run − RSS before it (VmHWM reset first)             ≤ 150 MB
// One unmeasured request of 100 addresses first (JIT, the SMTP pool's connections).
import { api, organizationWithAdministrator } from '../lib/organization.mjs';
import { startPortico } from '../lib/portico.mjs';
import { createTemporaryDatabase } from '../lib/postgres.mjs';
import { peakResidentMb, resetPeakResident, residentMb } from '../lib/processes.mjs';
import { startSmtpSink } from '../lib/smtp-sink.mjs';

const ADDRESSES = 10_000;
const PER_REQUEST = 500;
const WARMUP = 100;
const TARGET = { persistedSeconds: 5, messagesPerSecond: 200, growthMb: 150 };
/** Past this the drain is reported as far as it got (at 200 msg/s 10,000 messages take 50 s). */
const DRAIN_TIMEOUT_MS = 180_000;

/** One Invite Member request; how long it took, and whether every address came back "invited". */
async function inviteBatch({ url, cookie, organizationId }, emails) {
  const started = performance.now();
  const { results } = await api(url, cookie, 'POST', `/api/v1/orgs/${organizationId}/invitations`, {
    emails,
    rights: 'member',
    message: 'Welcome to the team: your licenses are waiting in Portico.',
  });
  const invited = results.filter((r) => r.outcome === 'invited').length;
  if (invited !== emails.length) throw new Error(`${invited} of ${emails.length} addresses were invited`);
  return performance.now() - started;
}

const addresses = (domain, from, count) => Array.from({ length: count }, (_, i) => `invitee-${from + i}@${domain}`);

/** RSS of `pid` every 25 ms until stopped: a fallback for the peak where VmHWM cannot be reset. */
function sampleRss(pid) {
  let peak = 0;
  const timer = setInterval(async () => {
    peak = Math.max(peak, (await residentMb(pid)) ?? 0);
  }, 25);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/**
 * The measured part: RSS before, the 20 requests, the drain, the peak. Times are performance.now() readings;
 * `deliveredAtPersisted` is how many messages had arrived when the 20th answer came.
 */
async function inviteAndDrain(prepared) {
  const { sink, pid } = prepared;
  const rssBefore = await residentMb(pid);
  const hwmReset = await resetPeakResident(pid);
  const stopSampling = sampleRss(pid);
  const started = performance.now();
  const requestMs = [];
  for (let from = 0; from < ADDRESSES; from += PER_REQUEST)
    requestMs.push(await inviteBatch(prepared, addresses('invitees.example', from, PER_REQUEST)));
  const persisted = performance.now();
  const deliveredAtPersisted = sink.received - WARMUP;
  const delivered = (await sink.waitFor(WARMUP + ADDRESSES, DRAIN_TIMEOUT_MS)) - WARMUP;
  const drained = sink.lastAt;
  // More than one message per address would be a message sent twice: wait a moment for any straggler.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const sampledPeak = stopSampling();
  const peakMb = Math.max(sampledPeak, hwmReset ? ((await peakResidentMb(pid)) ?? 0) : 0);
  const memory = { rssBefore, peakMb, rssAfter: await residentMb(pid), hwmReset };
  return {
    started,
    persisted,
    drained,
    requestMs,
    deliveredAtPersisted,
    delivered,
    received: sink.received - WARMUP,
    memory,
  };
}

function figures(m) {
  const seconds = (from, to) => (to - from) / 1000;
  const sorted = [...m.requestMs].sort((a, b) => a - b);
  const mb = (label, value, max) => ({ label, value, unit: 'MB', digits: 0, max });
  const rate = (label, value) => ({ label, value, unit: 'msg/s', digits: 0, min: TARGET.messagesPerSecond });
  const ms = (label, value) => ({ label, value, unit: 'ms', digits: 0 });
  const persistedSeconds = seconds(m.started, m.persisted);
  return [
    { label: 'accepted and persisted', value: persistedSeconds, unit: 's', digits: 2, max: TARGET.persistedSeconds },
    ms('request of 500, median', sorted[Math.floor(sorted.length / 2)]),
    ms('request of 500, slowest', sorted.at(-1)),
    { label: 'messages delivered', value: m.received, unit: '', digits: 0, min: ADDRESSES, max: ADDRESSES },
    rate('delivered, from first request', m.delivered / seconds(m.started, m.drained)),
    rate('drain after persistence', (m.delivered - m.deliveredAtPersisted) / seconds(m.persisted, m.drained)),
    mb('server RSS before', m.memory.rssBefore),
    mb('server RSS peak', m.memory.peakMb),
    mb('server memory growth', m.memory.peakMb - m.memory.rssBefore, TARGET.growthMb),
    mb('server RSS after the drain', m.memory.rssAfter),
  ];
}

const bulkInvite = (database) => ({
  name: `Bulk invite, ${ADDRESSES.toLocaleString('en-US')} addresses (${PER_REQUEST} a request) to local SMTP`,
  database,
  reports: 'figures',
  plan: `${ADDRESSES / PER_REQUEST} sequential requests after one of ${WARMUP}, then the outbox drains`,
  async setup() {
    const sink = await startSmtpSink();
    const databaseUrl = database === 'postgres' ? await createTemporaryDatabase() : undefined;
    const readToken = (email) => sink.verificationToken(email);
    const portico = await startPortico({ database, databaseUrl, extraEnv: { SMTP_URL: sink.url }, readToken });
    const admin = await organizationWithAdministrator(portico, 'invite', { readToken });
    return { url: portico.url, pid: portico.server.pid, sink, ...admin };
  },
  async run(_ctx, prepared) {
    await inviteBatch(prepared, addresses('warmup.example', 0, WARMUP));
    if ((await prepared.sink.waitFor(WARMUP, 30_000)) < WARMUP)
      throw new Error('the warm-up invitations were not delivered');
    const measured = await inviteAndDrain(prepared);
    const { started, persisted, drained, deliveredAtPersisted, delivered } = measured;
    console.log(
      `  ${database}: persisted in ${((persisted - started) / 1000).toFixed(2)} s (${deliveredAtPersisted} delivered` +
        ` by then); ${delivered} delivered ${((drained - started) / 1000).toFixed(1)} s after the first request`,
    );
    return { figures: figures(measured), failedRequests: 0, invite: measured };
  },
});

// SQLite is the default; PostgreSQL is measured too and skipped when none is reachable.
export default [bulkInvite('sqlite'), bulkInvite('postgres')];
