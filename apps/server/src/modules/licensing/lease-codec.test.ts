import { generateKeyPairSync } from 'node:crypto';
import { CompactSign, compactVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodePayload, encodeHeader, encodeJson, signCompact, splitCompact, verifyCompact } from './lease-codec.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const claims = { sub: 'usr_1', activation: 'act_1', exp: 2_000_000_000 };
const header = encodeHeader('kid-1');

function split(token: string) {
  const result = splitCompact(token);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.parts;
}

describe('compact JWS with node:crypto', () => {
  it('writes what jose verifies, with the header we promise', async () => {
    const token = signCompact(header, claims, privateKey);
    const { payload, protectedHeader } = await compactVerify(token, publicKey);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: 'kid-1', typ: 'JWT' });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(claims);
  });

  it('reads what jose signs', async () => {
    const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'EdDSA', kid: 'kid-1' })
      .sign(privateKey);
    const parts = split(token);
    expect(parts.kid).toBe('kid-1');
    expect(verifyCompact(parts, publicKey)).toBe(true);
    expect(decodePayload(parts)).toEqual(claims);
  });

  it('refuses another key’s signature and any changed byte of the payload', () => {
    const token = signCompact(header, claims, privateKey);
    expect(verifyCompact(split(token), other.publicKey)).toBe(false);
    const [h, , s] = token.split('.');
    const forged = `${h}.${encodeJson({ ...claims, exp: 2_100_000_000 })}.${s}`;
    expect(verifyCompact(split(forged), publicKey)).toBe(false);
  });

  it('calls a token that is not three base64url parts of JSON malformed', () => {
    const token = signCompact(header, claims, privateKey);
    const [h, p, s] = token.split('.') as [string, string, string];
    for (const bad of ['', 'garbage', `${h}.${p}`, `${token}.x`, `${h}.${p}.${s}=`, `${h}.p+q.${s}`, `..`])
      expect(splitCompact(bad)).toEqual({ ok: false, reason: 'malformed' });
    expect(splitCompact(`${encodeJson([1])}.${p}.${s}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(splitCompact(`${Buffer.from('{not json').toString('base64url')}.${p}.${s}`)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('refuses another algorithm, extensions it does not know, a missing kid and a bent signature', () => {
    const token = signCompact(header, claims, privateKey);
    const [, p, s] = token.split('.') as [string, string, string];
    for (const h of [
      { alg: 'none', kid: 'kid-1' },
      { alg: 'HS256', kid: 'kid-1' },
      { alg: 'ES256', kid: 'kid-1' },
      { alg: 'EdDSA', kid: 'kid-1', crit: ['exp'] },
      { alg: 'EdDSA' },
      { alg: 'EdDSA', kid: 7 },
      { alg: 'EdDSA', kid: '../../etc' },
    ])
      expect(splitCompact(`${encodeJson(h)}.${p}.${s}`)).toEqual({ ok: false, reason: 'signature' });
    // The same 64 bytes spelled differently (the last character's unused bits), and a signature of the wrong length.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const bent = `${s.slice(0, -1)}${alphabet[alphabet.indexOf(s.at(-1) as string) ^ 1]}`;
    expect(Buffer.from(bent, 'base64url').equals(Buffer.from(s, 'base64url'))).toBe(true);
    expect(splitCompact(`${header}.${p}.${bent}`)).toEqual({ ok: false, reason: 'signature' });
    expect(splitCompact(`${header}.${p}.${s.slice(0, 40)}`)).toEqual({ ok: false, reason: 'signature' });
  });
});
