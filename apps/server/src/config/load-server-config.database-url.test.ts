import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './load-server-config.js';
import { ServerConfigError } from './server-config-error.js';
import { useTemporaryDirectories } from './temporary-directory.test-helpers.js';

describe('loadServerConfig database URL', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('leaves the database URL unset by default, so the gateway uses SQLite in the data directory', async () => {
    const config = await loadServerConfig({ env: {}, cwd: temporaryDirectory() });

    expect(config.databaseUrl).toBeUndefined();
  });

  it('takes TOLLGATE_DATABASE_URL, in either PostgreSQL scheme, and prefers --database-url over it', async () => {
    const cwd = temporaryDirectory();
    const env = { TOLLGATE_DATABASE_URL: 'postgresql://gateway@db.internal/tollgate' };

    expect((await loadServerConfig({ env, cwd })).databaseUrl).toBe(
      'postgresql://gateway@db.internal/tollgate',
    );
    expect(
      (await loadServerConfig({ env, cwd, options: { databaseUrl: 'postgres://127.0.0.1:5432/test' } }))
        .databaseUrl,
    ).toBe('postgres://127.0.0.1:5432/test');
  });

  it('treats a blank TOLLGATE_DATABASE_URL as unset', async () => {
    const config = await loadServerConfig({
      env: { TOLLGATE_DATABASE_URL: '  ' },
      cwd: temporaryDirectory(),
    });

    expect(config.databaseUrl).toBeUndefined();
  });

  it('refuses a URL of another database, naming the setting but never repeating the value', async () => {
    const error = await loadServerConfig({
      env: { TOLLGATE_DATABASE_URL: 'mysql://root:s3cret@db.internal/tollgate' },
      cwd: temporaryDirectory(),
    }).catch((rejection: unknown) => rejection);

    expect(error).toBeInstanceOf(ServerConfigError);
    expect(error).toMatchObject({
      field: 'TOLLGATE_DATABASE_URL',
      message: expect.stringMatching(
        /^TOLLGATE_DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL, got a mysql: URL/,
      ),
    });
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('refuses a --database-url that is not a URL at all', async () => {
    const error = await loadServerConfig({
      options: { databaseUrl: 'tollgate.db' },
      env: {},
      cwd: temporaryDirectory(),
    }).catch((rejection: unknown) => rejection);

    expect(error).toMatchObject({ field: '--database-url', message: expect.stringContaining('not a URL') });
  });
});
