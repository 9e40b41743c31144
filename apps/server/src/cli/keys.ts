import type { Command } from 'commander';
import { loadConfig, resolveSecret } from '../config.js';
import { SYSTEM_ACTOR } from '../lib/actor.js';
import { AppError } from '../lib/errors.js';
import {
  listSigningKeys,
  publishWindowMs,
  rotateSigningKey,
  SigningKeyError,
} from '../modules/licensing/signing-keys.service.js';
import { serviceDeps, withDatabase } from './database.js';

// `portico keys rotate | list` (docs/adr/0012): the lease signing keys. Rotation needs SECRET (the new private key
// is sealed under it) but never the old private key.

/** A SECRET that does not fit the keys is a refusal for a person to read, not a stack trace. */
function asRefusal(error: unknown): unknown {
  return error instanceof SigningKeyError ? new AppError('CONFLICT', error.message) : error;
}

/** `2026-12-01 09:30 UTC`: to the minute, as people read a date. */
function minute(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '';
}

function days(ms: number): string {
  const d = ms / 86_400_000;
  return Number.isInteger(d) ? `${d} days` : `${Math.round(ms / 3_600_000)} hours`;
}

async function rotateCommand(options: { force?: boolean }) {
  const config = loadConfig();
  const secret = resolveSecret(config);
  const rotated = await withDatabase(config, (handle) =>
    rotateSigningKey(serviceDeps(handle), SYSTEM_ACTOR, { secret, force: options.force === true }),
  ).catch((error) => {
    throw asRefusal(error);
  });
  console.log(`New lease signing key: ${rotated.kid} (generation ${rotated.generation})`);
  if (rotated.previousKid)
    console.log(
      `The previous key ${rotated.previousKid} is retired; it stays in /.well-known/jwks.json for ` +
        `${days(publishWindowMs(config))} (OFFLINE_LEASE_MAX + LEASE_TTL), so the leases it signed stay verifiable.`,
    );
  console.log('Running servers sign with the new key within a minute.');
}

async function listCommand() {
  const config = loadConfig();
  const keys = await withDatabase(config, (handle) => listSigningKeys(serviceDeps(handle), config));
  if (keys.length === 0) {
    console.log('No lease signing key yet: the server makes the first one when it starts.');
    return;
  }
  const kidWidth = Math.max(...keys.map((k) => k.kid.length));
  for (const key of keys) {
    const state =
      key.state === 'signing'
        ? 'signing'
        : key.state === 'published'
          ? `retired ${minute(key.retiredAt)}, published until ${minute(key.publishedUntil)}`
          : `retired ${minute(key.retiredAt)}, no longer published`;
    const created = `created ${minute(key.createdAt)}`;
    console.log(`${String(key.generation).padStart(3)}  ${key.kid.padEnd(kidWidth)}  ${created}  ${state}`);
  }
}

/** `portico keys rotate | list`. */
export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('the keys that sign licensing leases');
  keys
    .command('rotate')
    .description('make a new lease signing key; the old one stays published until its leases have expired')
    .option(
      '--force',
      'rotate even though SECRET does not open the current key (SECRET was lost: servers must then use this one)',
    )
    .action(rotateCommand);
  keys
    .command('list')
    .description('the signing keys, newest first, and whether they are published')
    .action(listCommand);
}
