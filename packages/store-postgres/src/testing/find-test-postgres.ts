/** Finds the PostgreSQL server that tests run against, and decides whether they may skip when it is away. */
import pg from 'pg';
import { describePostgresConnection } from '../describe-postgres-connection.js';

/** The variable that points tests at a PostgreSQL database. */
export const TEST_DATABASE_URL_VARIABLE = 'TOLLGATE_TEST_DATABASE_URL';

/** The local server of a development machine and of CI: trust auth, database `test`. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

const probeTimeoutMs = 3000;

export interface TestPostgres {
  /** From `TOLLGATE_TEST_DATABASE_URL`, else {@link DEFAULT_TEST_DATABASE_URL}. */
  readonly connectionString: string;
  /** Why the PostgreSQL tests are skipped; `undefined` when the server answered and they run. */
  readonly skipReason: string | undefined;
}

/** True when `CI` is set to anything but an empty string, `0` or `false`. */
export function isContinuousIntegration(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * Connects once to the test database. When it does not answer, CI fails loudly (this rejects, so the test file
 * fails), because a CI run that silently skips the PostgreSQL store proves nothing; elsewhere the result carries a
 * skip reason naming the server and the variable to set.
 *
 * @example
 * const postgres = await findTestPostgres();
 * describeWithPostgres(postgres, 'my postgres tests', (connectionString) => { ... });
 */
export async function findTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres> {
  const connectionString = env[TEST_DATABASE_URL_VARIABLE]?.trim() || DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: probeTimeoutMs });
  // A failed connection also reports itself as an 'error' event; the rejected connect() below is enough.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { connectionString, skipReason: undefined };
  } catch (error) {
    const reason =
      `PostgreSQL at ${describePostgresConnection(connectionString)} is unreachable ` +
      `(${error instanceof Error ? error.message : String(error)}); set ${TEST_DATABASE_URL_VARIABLE} to run these tests`;
    if (isContinuousIntegration(env)) {
      throw new Error(`CI requires PostgreSQL for the store tests, but ${reason}.`, { cause: error });
    }
    return { connectionString, skipReason: reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}
