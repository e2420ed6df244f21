import { randomBytes } from 'node:crypto';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'tollgate keys on PostgreSQL', (connectionString) => {
  const schemas = useTestSchemas(connectionString);

  it('sets, lists and removes a key in the database TOLLGATE_DATABASE_URL names', async () => {
    const { connectionString: databaseUrl } = await schemas.createSchema();
    const cwd = temporaryDirectory();
    const env = { TOLLGATE_DATABASE_URL: databaseUrl, TOLLGATE_MASTER_KEY: randomBytes(32).toString('hex') };
    expect((await runTollgate(['users', 'create', 'alice'], { cwd, env })).exitCode).toBe(0);

    const set = await runTollgate(['keys', 'set', 'alice', 'together', '--key', 'tgp_v1_pg_key_0042'], {
      cwd,
      env,
    });
    const listed = await runTollgate(['keys', 'list', 'alice', '--json'], { cwd, env });
    const removed = await runTollgate(['keys', 'remove', 'alice', 'together'], { cwd, env });
    const after = await runTollgate(['keys', 'list', 'alice', '--json'], { cwd, env });

    expect(set.exitCode).toBe(0);
    expect(JSON.parse(listed.stdout).keys).toMatchObject([{ provider: 'together', suffix: '0042' }]);
    expect(removed.exitCode).toBe(0);
    expect(JSON.parse(after.stdout).keys).toEqual([]);
  });
});
