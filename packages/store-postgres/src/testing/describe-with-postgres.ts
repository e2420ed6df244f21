/** A `describe` block that runs only when the test PostgreSQL server answered, and says why when it is skipped. */
import { describe } from 'vitest';
import type { TestPostgres } from './find-test-postgres.js';

/**
 * Registers `body` under `name`, handing it the test database's connection string. When `postgres` carries a skip
 * reason (outside CI only: `findTestPostgres` fails in CI instead) the block is skipped, with the reason in its name.
 *
 * @example
 * const postgres = await findTestPostgres();
 * describeWithPostgres(postgres, 'createPostgresStore', (connectionString) => {
 *   it('answers ping', async () => { ... });
 * });
 */
export function describeWithPostgres(
  postgres: TestPostgres,
  name: string,
  body: (connectionString: string) => void,
): void {
  if (postgres.skipReason === undefined) {
    describe(name, () => body(postgres.connectionString));
    return;
  }
  // The reporter lists skipped blocks by name only when asked to; say it once where everyone looks.
  console.warn(`Skipping '${name}': ${postgres.skipReason}.`);
  describe.skip(`${name} (skipped: ${postgres.skipReason})`, () => body(postgres.connectionString));
}
