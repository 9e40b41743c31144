import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from './actor.js';

/**
 * Better Auth calls our hooks (send an email, record an event) deep inside its own code. This carries the actor
 * of the request into those hooks, and collects hook failures that Better Auth would otherwise only log, so the
 * route can refuse to acknowledge a change whose email was not queued.
 */
interface AuthCallScope {
  actor: Actor;
  failures: unknown[];
}

const storage = new AsyncLocalStorage<AuthCallScope>();

export async function runAuthCall<T>(
  actor: Actor,
  call: () => Promise<T>,
): Promise<{ result: T; failures: unknown[] }> {
  const scope: AuthCallScope = { actor, failures: [] };
  const result = await storage.run(scope, call);
  return { result, failures: scope.failures };
}

export function currentActor(): Actor {
  return storage.getStore()?.actor ?? { userId: null, ip: null };
}

/** Runs a hook body; a failure is remembered for the route and rethrown for Better Auth's own handling. */
export async function trackedHook(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    storage.getStore()?.failures.push(error);
    throw error;
  }
}
