import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration', () => {
  it('has a default for everything the one-command start needs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      smtpUrl: null,
      secureCookies: false,
    });
    expect(config.database).toMatchObject({ dialect: 'sqlite' });
    expect(config.invitationTtlMs).toBe(7 * 86_400_000);
    expect(config.leaseTtlMs).toBe(30 * 60_000);
    expect(config.transferLimit).toEqual({ count: 5, windowMs: 30 * 86_400_000 });
    expect(config).toMatchObject({ offlineLeaseMaxMs: 7 * 86_400_000, devicesPerUser: 2, activationsPerDay: 20 });
  });

  it('links to the port it listens on when PUBLIC_URL is unset', () => {
    expect(loadConfig({ PORT: '3400' }).publicUrl).toBe('http://localhost:3400');
    expect(loadConfig({ PORT: '3400', PUBLIC_URL: 'https://licenses.example.com' }).publicUrl).toBe(
      'https://licenses.example.com',
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'localhost:3000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'http://mail'],
    ['INVITATION_TTL', 'seven days'],
    ['LEASE_TTL', '0m'],
    ['TRANSFER_LIMIT', 'five'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['SECRET', 'short'],
    ['OFFLINE_LEASE_MAX', '31d'],
    ['DEVICES_PER_USER', '0'],
    ['ACTIVATIONS_PER_DAY', 'many'],
    ['HEARTBEAT_INTERVAL', '45m'],
  ])('names %s when its value %s is bad', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it('requires SECRET and SMTP_URL in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SMTP_URL'))).toBe(true);
  });

  it('reads PostgreSQL URLs, SQLite paths and https public URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@h:5432/db',
    });
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db' }).database).toEqual({ dialect: 'sqlite', file: '/tmp/x.db' });
    expect(loadConfig({ PUBLIC_URL: 'https://licenses.example.com/' })).toMatchObject({
      publicUrl: 'https://licenses.example.com',
      secureCookies: true,
    });
    expect(loadConfig({ TRANSFER_LIMIT: '3 per 7d', LEASE_TTL: '90s', HEARTBEAT_INTERVAL: '30s' })).toMatchObject({
      transferLimit: { count: 3, windowMs: 7 * 86_400_000 },
      leaseTtlMs: 90_000,
    });
  });
});
