import { join } from 'node:path';
import { measure } from './load.mjs';
import { ROOT, startPortico } from './portico.mjs';
import { createTemporaryDatabase } from './postgres.mjs';
import { freePort, startNode, waitForReady } from './processes.mjs';

/**
 * What scenarios share. Servers are started on first use and kept for the rest of the run, so scenarios on the same
 * database reuse one server and one signed-in user (a scenario that needs data creates it in its setup).
 */
export function createContext() {
  const servers = new Map();
  /** origin → pid of the server listening there, so measure() can read that server's CPU time. */
  const pids = new Map();
  const started = (value) => {
    pids.set(new URL(value.url).origin, value.server.pid);
    return value;
  };
  const once = (key, start) => {
    if (!servers.has(key)) servers.set(key, start().then(started));
    return servers.get(key);
  };

  return {
    /** Requests per second of the baseline, set once the baseline scenario has run; ratios need it. */
    baselineRps: null,
    measure: (request) => measure(request, { pid: pids.get(new URL(request.url).origin) }),

    /** The bare Fastify server of bench/baseline.mjs: { url, server }. */
    baseline: () =>
      once('baseline', async () => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        const server = startNode('baseline', [join(ROOT, 'bench/baseline.mjs')], {
          env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
          cwd: ROOT,
        });
        await waitForReady(`${url}/hello`, server);
        return { url, server };
      }),

    /**
     * A Portico server on 'sqlite' or 'postgres' with a signed-in user: { url, cookie, email, server }.
     * On PostgreSQL it throws SkipScenario when no server is reachable.
     */
    portico: (database) =>
      once(`portico:${database}`, async () => {
        if (database === 'sqlite') return startPortico({ database });
        if (database === 'postgres') return startPortico({ database, databaseUrl: await createTemporaryDatabase() });
        throw new Error(`unknown database ${database}`);
      }),
  };
}
