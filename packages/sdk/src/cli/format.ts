import type { LicenseResult } from '../client.js';
import type { LicenseStatus } from '../license-state.js';
import type { LicenseAnswer, LicensingProduct, RegisteredDevice, TransferBudget } from '../types.js';

/** What people read: dates as `2026-12-01 14:05 UTC`. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

export function transfersLine(budget: TransferBudget | null): string | null {
  if (!budget) return null;
  const total = budget.limit + budget.granted;
  const next = budget.nextFreeAt ? `; the next one frees on ${when(budget.nextFreeAt)}` : '';
  return `Transfers left: ${budget.remaining} of ${total} in ${budget.windowDays} days${next}`;
}

/** The device a transfer would replace: the one asked for, else the least recently used one not in use. */
export function deviceToReplace(devices: RegisteredDevice[], replace?: string): RegisteredDevice | null {
  if (replace) return devices.find((d) => d.id === replace) ?? null;
  const candidates = devices.filter((d) => !d.inUse);
  const pool = candidates.length > 0 ? candidates : devices;
  return [...pool].sort((a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt))[0] ?? null;
}

function deviceLine(device: RegisteredDevice, thisDeviceId: string | null): string {
  const marks = [device.inUse ? 'in use' : null, device.id === thisDeviceId ? 'this machine' : null].filter(Boolean);
  const suffix = marks.length ? ` [${marks.join(', ')}]` : '';
  return `  - ${device.name} (${device.platform}), id ${device.id}, last seen ${when(device.lastSeenAt)}${suffix}`;
}

function refusalLines(answer: LicenseAnswer, product: string, replace?: string): string[] {
  const holder = answer.holder;
  switch (answer.code) {
    case 'DEVICE_LIMIT_REACHED': {
      const device = deviceToReplace(answer.devices ?? [], replace);
      const which = device
        ? `"${device.name}" (${device.platform}, id ${device.id}, last seen ${when(device.lastSeenAt)})`
        : 'one of your registered devices';
      return [
        `${product}: this machine would be a new device, and you have reached your registered devices.`,
        `Registering it replaces ${which}, which costs one transfer.`,
        transfersLine(answer.transfers) ?? '',
        `To confirm, run: portico-license activate ${product} --transfer${device ? ` --replace ${device.id}` : ''}`,
      ].filter(Boolean);
    }
    case 'ACTIVE_ON_ANOTHER_MACHINE':
      return [
        `${product} is in use on "${holder?.deviceName ?? 'another machine'}"${holder ? ` (${holder.platform})` : ''}, last contact ${when(holder?.lastContactAt)}.`,
        `To move it to this machine (free of charge), run: portico-license activate ${product} --takeover`,
      ];
    case 'CHECKED_OUT_OFFLINE':
      return [
        `${product} is checked out offline on "${holder?.deviceName ?? 'another machine'}" until ${when(holder?.offlineUntil)}.`,
        'It frees when that lease is returned (release on that machine) or expires.',
      ];
    case 'TRANSFER_LIMIT_REACHED':
      return [
        `${product}: no transfer left to register this machine.`,
        transfersLine(answer.transfers) ?? '',
        answer.retryAt ? `Try again after ${when(answer.retryAt)}, or ask an administrator for an extra transfer.` : '',
      ].filter(Boolean);
    default:
      return [`${answer.code}: ${answer.message}`];
  }
}

/** The lines the CLI prints for a licensing call's result. */
export function resultLines(result: LicenseResult, product: string, options: { replace?: string } = {}): string[] {
  if (!result.reachable) return [`Server unreachable: ${result.message}`];
  if (!result.answer) return [`Refused (${result.error?.code ?? result.code}): ${result.message}`];
  const answer = result.answer;
  if (!answer.valid) return refusalLines(answer, product, options.replace);
  const activation = answer.activation;
  const offline = activation?.offlineUntil ? `; offline until ${when(activation.offlineUntil)}` : '';
  return [
    `${activation?.product.code ?? product}: valid on this machine (activation ${activation?.id ?? '—'}).`,
    `Lease valid until ${when(answer.leaseExpiresAt)}${offline}; heartbeat every ${answer.heartbeatIntervalSeconds} s.`,
  ];
}

export function statusLines(status: LicenseStatus, asked?: string): string[] {
  const head = `${status.product ?? asked ?? '—'}: ${status.usable ? 'usable' : 'not usable'} (${status.state}, ${status.code})`;
  const lines = [head];
  if (!status.usable || status.state === 'grace') lines.push(`  ${status.message}`);
  if (status.activationId)
    lines.push(`  Activation ${status.activationId}, last contact ${when(status.lastContactAt)}`);
  if (status.leaseExpiresAt) lines.push(`  Lease expires ${when(status.leaseExpiresAt)}`);
  if (status.offlineUntil) lines.push(`  Offline until ${when(status.offlineUntil)}`);
  if (status.graceUntil) lines.push(`  Outage grace until ${when(status.graceUntil)}`);
  return lines;
}

export function productLines(item: LicensingProduct, thisDeviceId: string | null): string[] {
  const activation = item.activation;
  const lines = [
    `${item.product.code} ${item.product.name} (${item.organization.name}), licensing ${item.asset.mode ?? '—'}`,
    `  Devices (${item.devices.length}):`,
    ...item.devices.map((d) => deviceLine(d, thisDeviceId)),
  ];
  if (activation) {
    const offline = activation.offlineUntil ? `, offline until ${when(activation.offlineUntil)}` : '';
    lines.push(`  In use on ${activation.machineName}, lease until ${when(activation.leaseExpiresAt)}${offline}`);
  } else {
    lines.push('  Not in use on any device');
  }
  lines.push(`  ${transfersLine(item.transfers)}`);
  return lines;
}
