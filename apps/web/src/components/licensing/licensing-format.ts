import type { ActivationView, Asset, TransferBudget } from '@portico/contracts';

// Online licensing in words (SPEC §2.5), shared by My products, the Activations view, the Products page and the
// /device page: the same dates and budgets read the same everywhere.

// Long month names: "29 December 2026" cannot be misread as 12/29 or 29/12 by someone from another country.
const longDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const longMoment = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
const number = new Intl.NumberFormat();

/** "29 December 2026" in the reader's locale and time zone: when a transfer or a seat frees. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longDay.format(date);
}

/** "6 December 2026 at 14:05": when an offline lease ends, to the minute. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longMoment.format(date);
}

/** "4 of 5 left · next frees on 29 December 2026": the limit counts the extra transfers granted. */
export function transfersText(transfers: TransferBudget): string {
  const total = transfers.limit + transfers.granted;
  const left = `${number.format(transfers.remaining)} of ${number.format(total)} left`;
  return transfers.nextFreeAt && transfers.used > 0
    ? `${left} · next frees on ${formatDay(transfers.nextFreeAt)}`
    : left;
}

/** "1 used, 4 left": the Activations table's short form; the next free date goes on its own line. */
export function transfersShort(transfers: TransferBudget): string {
  return `${number.format(transfers.used)} used, ${number.format(transfers.remaining)} left`;
}

/** "windows-x64 · 2026.1": what the device said about itself, the version only when it gave one. */
export function platformText(device: { platform: string | null; appVersion: string | null }): string {
  return [device.platform, device.appVersion].filter(Boolean).join(' · ');
}

type StateOf = Pick<ActivationView, 'state' | 'offlineUntil'>;

/** Online / Offline until DATE / Lapsed / Ended: the word always says it, the badge colour only repeats it. */
export function stateLabel(activation: StateOf): string {
  if (activation.state === 'offline')
    return activation.offlineUntil ? `Offline until ${formatMoment(activation.offlineUntil)}` : 'Offline';
  if (activation.state === 'online') return 'Online';
  if (activation.state === 'lapsed') return 'Lapsed';
  return 'Ended';
}

export const STATE_COLOR: Record<ActivationView['state'], string> = {
  online: 'teal',
  offline: 'indigo',
  lapsed: 'orange',
  ended: 'gray',
};

/**
 * "1 seat held by an offline lease — free on 6 December 2026": seats of revoked licenses a device still holds
 * offline (SPEC §2.5 "the UI says when the seat will be free"); null when there are none.
 */
export function heldOfflineText(asset: Pick<Asset, 'seatsHeldOffline' | 'nextSeatFreeAt'>): string | null {
  const held = asset.seatsHeldOffline;
  if (held <= 0) return null;
  const when = asset.nextSeatFreeAt ? formatDay(asset.nextSeatFreeAt) : null;
  if (held === 1) return `1 seat held by an offline lease${when ? ` — free on ${when}` : ''}`;
  return `${number.format(held)} seats held by offline leases${when ? ` — the first frees on ${when}` : ''}`;
}
