import type { Asset } from '@portico/contracts';
import { formatDate } from '../../lib/format';

/** "1 Jan 2026 – 31 Dec 2026"; a license without an end date is perpetual (SPEC §2.2). */
export function formatTerm(asset: Pick<Asset, 'startsAt' | 'endsAt'>): string {
  if (!asset.endsAt) return 'Perpetual';
  return `${formatDate(asset.startsAt)} – ${formatDate(asset.endsAt)}`;
}

/** "31 Dec 2026 · in 40 days", for subscriptions about to end. */
export function formatEnds(asset: Pick<Asset, 'endsAt'>, now: number = Date.now()): string {
  if (!asset.endsAt) return 'Never';
  const days = Math.ceil((new Date(asset.endsAt).getTime() - now) / 86_400_000);
  const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return `${formatDate(asset.endsAt)} · ${when}`;
}

export function modeLabel(mode: Asset['mode']): string {
  if (mode === 'online') return 'Online';
  if (mode === 'machine') return 'Machine';
  return '—';
}

export const STATUS_LABEL: Record<Asset['status'], string> = {
  active: 'Active',
  expired: 'Expired',
  suspended: 'Suspended',
};
