import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEST_DATABASE_URL,
  findTestPostgres,
  isContinuousIntegration,
} from './find-test-postgres.js';

// Port 1 on loopback refuses at once: an unreachable server without waiting for a timeout.
const unreachable = 'postgres://postgres@127.0.0.1:1/test';

describe('findTestPostgres', () => {
  it('fails loudly in CI when the server is unreachable, naming the variable to set', async () => {
    await expect(findTestPostgres({ CI: 'true', TOLLGATE_TEST_DATABASE_URL: unreachable })).rejects.toThrow(
      /CI requires PostgreSQL for the store tests, but PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/test is unreachable .*set TOLLGATE_TEST_DATABASE_URL/,
    );
  });

  it('outside CI, reports a skip reason instead', async () => {
    const found = await findTestPostgres({ TOLLGATE_TEST_DATABASE_URL: unreachable });

    expect(found.connectionString).toBe(unreachable);
    expect(found.skipReason).toMatch(/^PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/test is unreachable/);
  });

  it('never puts the password in the reason', async () => {
    const found = await findTestPostgres({
      TOLLGATE_TEST_DATABASE_URL: 'postgres://ci:s3cret@127.0.0.1:1/test',
    });

    expect(found.skipReason).not.toContain('s3cret');
  });

  it('defaults to the local test database', async () => {
    const found = await findTestPostgres({ CI: 'false' });

    expect(found.connectionString).toBe(DEFAULT_TEST_DATABASE_URL);
  });
});

describe('isContinuousIntegration', () => {
  it('reads CI the way CI services set it', () => {
    expect(isContinuousIntegration({ CI: 'true' })).toBe(true);
    expect(isContinuousIntegration({ CI: '1' })).toBe(true);
    expect(isContinuousIntegration({})).toBe(false);
    expect(isContinuousIntegration({ CI: '' })).toBe(false);
    expect(isContinuousIntegration({ CI: 'false' })).toBe(false);
    expect(isContinuousIntegration({ CI: '0' })).toBe(false);
  });
});
