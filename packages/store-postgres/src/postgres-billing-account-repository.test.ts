import { expect, it } from 'vitest';
import { useMigratedTestPool } from './migrated-test-pool.test-helpers.js';
import { createPostgresBillingAccountRepository } from './postgres-billing-account-repository.js';
import { createPostgresUserRepository } from './postgres-user-repository.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'createPostgresBillingAccountRepository', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  const migratedPool = useMigratedTestPool(connectionString, schemas);

  it('reads the tiers of concurrent holds in shared queries, each caller getting its own answer', async () => {
    const pool = migratedPool();
    const users = createPostgresUserRepository(pool);
    const billing = createPostgresBillingAccountRepository(pool);
    const alice = await users.create({ name: 'alice' });
    const bob = await users.create({ name: 'bob' });
    await billing.setUserTier(bob.id, 'pro');
    // Counts the statements sent for the reads below (pg's pool.query is the only way in).
    const sent: string[] = [];
    const query = pool.query.bind(pool);
    pool.query = ((config: { text: string }, ...rest: unknown[]) => {
      sent.push(config.text);
      return (query as (...args: unknown[]) => unknown)(config, ...rest);
    }) as typeof pool.query;

    const asked = Array.from(
      { length: 30 },
      (_, index) => [alice.id, bob.id, 'no-such-user'][index % 3] as string,
    );
    const found = await Promise.all(asked.map((userId) => billing.findUser(userId)));

    expect(found).toEqual(
      asked.map((userId) =>
        userId === alice.id
          ? { userId, tier: 'free' }
          : userId === bob.id
            ? { userId, tier: 'pro' }
            : undefined,
      ),
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(asked.length / 2);

    // Batched reads are as fresh as lone ones: a tier changed between two reads is the one the second sees.
    await billing.setUserTier(alice.id, 'pro');
    await expect(billing.findUser(alice.id)).resolves.toEqual({ userId: alice.id, tier: 'pro' });
  });
});
