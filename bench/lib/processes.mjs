import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from './cleanup.mjs';

const STOP_GRACE_MS = 5_000;
const running = new Set();

// Last resort when the harness dies without reaching its cleanups: no server may outlive it.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port the OS says is free now. The small window before the child binds it is acceptable for a benchmark. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <args>` as a child. Its output is kept (last lines only) instead of printed, so a failure can show
 * it without the run being noisy; it must be read, or a chatty child would block on a full pipe.
 */
export function startNode(name, args, { env, cwd }) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const keep = (chunk) => {
    lines.push(chunk.toString());
    if (lines.length > 100) lines.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  running.add(child);
  exited.then(() => running.delete(child));

  const handle = {
    name,
    pid: child.pid,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    output: () => lines.join('').trimEnd(),
    // SIGTERM first: the server then shuts down cleanly, and a --cpu-prof profile is only written on a clean exit.
    async stop() {
      if (!handle.isRunning()) return;
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  onCleanup(`stop ${name}`, () => handle.stop());
  return handle;
}

/**
 * Polls until `url` answers 200, every `intervalMs`; fails early when the child exits, and after `timeoutMs` at the
 * latest. The start-up measurement polls every 10 ms so the wait adds at most that much to the time it reports.
 */
export async function waitForReady(url, child, timeoutMs = 20_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!child.isRunning()) {
      const { code, signal } = await child.exited;
      throw new Error(`${child.name} exited (${signal ?? `code ${code}`}) before it was ready:\n${child.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs} ms (${last}):\n${child.output()}`);
}

/** Resident memory of a child in MB (Linux /proc), for the memory targets of SPEC §6; null elsewhere. */
export async function residentMb(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * CPU seconds a process has used so far (Linux /proc, user + system), or null elsewhere. Throughput on a shared
 * 2-core machine moves with whatever else runs; CPU time per request moves much less, so it is reported beside it.
 */
export async function cpuSeconds(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every mainstream Linux build. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The peak resident memory of a process in MB (VmHWM), or null where /proc cannot tell. */
export async function peakResidentMb(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Resets a process's VmHWM to its current RSS (writing 5 to /proc/<pid>/clear_refs, Linux 4.0+), so the peak read
 * afterwards belongs to what happened since, not to its start-up. Returns whether it worked.
 */
export async function resetPeakResident(pid) {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
