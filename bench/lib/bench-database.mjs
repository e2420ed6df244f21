// A fresh PostgreSQL database for one benchmark run, created on the server the options name and dropped after.
import path from 'node:path';

/**
 * Creates an empty database `tollgate_bench_<time>` on the server of `serverUrl` (through its own database) and
 * says how to reach it and how to drop it. The gateway and the CLI migrate it on first use.
 *
 * @param {string} repositoryRoot where store-postgres's `pg` is installed
 * @param {string} serverUrl a URL of any database on the server, e.g. postgres://postgres@127.0.0.1:5432/test
 * @returns {Promise<{ databaseUrl: string, name: string, drop: () => Promise<void> }>}
 * @example
 * const database = await createBenchDatabase(root, 'postgres://postgres@127.0.0.1:5432/test');
 * try { ... database.databaseUrl ... } finally { await database.drop(); }
 */
export async function createBenchDatabase(repositoryRoot, serverUrl) {
  const pgEntry = path.join(repositoryRoot, 'packages/store-postgres/node_modules/pg/lib/index.js');
  /** @type {any} */
  const pg = (await import(pgEntry)).default;
  const name = `tollgate_bench_${Date.now().toString(36)}_${process.pid}`;
  const admin = async (/** @type {string} */ sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    name,
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
