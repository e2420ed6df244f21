import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqliteDatabase } from './migrate-sqlite-database.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { createSqliteBillingAccountRepository } from './sqlite-billing-account-repository.js';

describe('createSqliteBillingAccountRepository', () => {
  const databases: Database.Database[] = [];
  afterEach(() => {
    for (const database of databases.splice(0)) database.close();
  });

  it("reads a turn's billing terms inside one transaction, not a read transaction each", async () => {
    const database = openSqliteDatabase(':memory:');
    databases.push(database);
    migrateSqliteDatabase(database);
    const insertUser = database.prepare(
      "INSERT INTO users (id, name, created_at) VALUES (?, ?, '2026-12-01T00:00:00.000Z')",
    );
    insertUser.run('u-1', 'ada');
    insertUser.run('u-2', 'grace');
    // The connection as the repository sees it, counting the transactions it runs.
    let transactions = 0;
    const counted = new Proxy(database, {
      get(target, property) {
        if (property !== 'transaction') return Reflect.get(target, property, target);
        return (fn: (...args: unknown[]) => unknown) => {
          const inner = target.transaction(fn);
          const run = (...args: unknown[]) => {
            transactions += 1;
            return inner(...args);
          };
          return Object.assign(run, {
            immediate: (...args: unknown[]) => {
              transactions += 1;
              return inner.immediate(...args);
            },
          });
        };
      },
    }) as Database.Database;
    const billing = createSqliteBillingAccountRepository(counted);
    await billing.setUserTier('u-2', 'pro');

    await expect(
      Promise.all([billing.findUser('u-1'), billing.findUser('u-2'), billing.findUser('nobody')]),
    ).resolves.toEqual([{ userId: 'u-1', tier: 'free' }, { userId: 'u-2', tier: 'pro' }, undefined]);
    expect(transactions).toBe(1);
  });
});
