import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The address a sign-up has already proven, carried into Better Auth's user-creation hook (auth.ts): the account is
 * then created verified. Only signUpVerified sets it, after its caller checked the proof (an invitation link for that
 * address); the hook compares it with the address being created, so it cannot verify any other.
 */
const storage = new AsyncLocalStorage<string>();

export function withProvenAddress<T>(email: string, call: () => Promise<T>): Promise<T> {
  return storage.run(email, call);
}

export function provenAddress(): string | undefined {
  return storage.getStore();
}
