import { safeRedirect } from './search';

/**
 * Where a new account goes after signing in. The verification email's link (/verify-email?token=…) cannot carry the
 * page the person came from, and it often opens in a new tab, so sign-up leaves the way back here for the verify
 * page's "Sign in" button. localStorage, not sessionStorage: a new tab has a fresh session storage.
 */
const key = 'portico.returnTo';
const maxAgeMs = 24 * 3600 * 1000;

export interface ReturnTo {
  redirect: string;
  email?: string;
}

export function rememberReturnTo(value: ReturnTo): void {
  try {
    localStorage.setItem(key, JSON.stringify({ ...value, at: Date.now() }));
  } catch {
    // Storage can be disabled or full; the person then starts from the home page, which still works.
  }
}

export function recallReturnTo(): ReturnTo | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as (ReturnTo & { at?: number }) | null;
    const redirect = safeRedirect(stored?.redirect);
    if (!stored || !redirect || typeof stored.at !== 'number' || Date.now() - stored.at > maxAgeMs) return undefined;
    return { redirect, email: typeof stored.email === 'string' ? stored.email : undefined };
  } catch {
    return undefined;
  }
}

export function forgetReturnTo(): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to do: see rememberReturnTo.
  }
}
