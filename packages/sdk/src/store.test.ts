import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServer, ISSUER } from '../test/fake-server.js';
import { LicensingClient } from './client.js';
import { emptyState, FileStore } from './store.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portico-sdk-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('FileStore', () => {
  it('writes the state (with the token) readable by its owner only, in a folder of its own', async () => {
    const file = join(tempDir(), 'nested', 'state.json');
    const store = new FileStore(file);
    const state = { ...emptyState(ISSUER), token: { accessToken: 'secret', scope: 'licensing', expiresAt: 1 } };
    await store.save(state);
    expect(mode(file)).toBe(0o600);
    expect(mode(join(file, '..'))).toBe(0o700);
    expect(await store.load()).toEqual(state);
    // Saving again keeps the mode (a rename of a 0600 temporary file).
    await store.save({ ...state, latestSeenAt: 5 });
    expect(mode(file)).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).latestSeenAt).toBe(5);
  });

  it('answers nothing for a missing or damaged file', async () => {
    const dir = tempDir();
    expect(await new FileStore(join(dir, 'none.json')).load()).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{not json');
    expect(await new FileStore(join(dir, 'bad.json')).load()).toBeNull();
  });

  it('never sends a token to a server other than the one that issued it', async () => {
    const file = join(tempDir(), 'state.json');
    await new FileStore(file).save({
      ...emptyState('https://other.example'),
      token: { accessToken: 'other-token', scope: 'licensing', expiresAt: Date.now() + 60_000 },
    });
    const server = createFakeServer();
    const client = new LicensingClient({ serverUrl: ISSUER, fetch: server.fetch, store: new FileStore(file) });
    expect(await client.signedIn()).toBe(false);
    await expect(client.products()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    expect(server.requests).toEqual([]);
  });
});
