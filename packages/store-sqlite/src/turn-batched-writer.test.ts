import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTurnBatchedReader, createTurnBatchedWriter } from './turn-batched-writer.js';

describe('createTurnBatchedWriter', () => {
  const databases: Database.Database[] = [];
  afterEach(() => {
    for (const database of databases.splice(0)) database.close();
  });

  function openTable() {
    const database = new Database(':memory:');
    databases.push(database);
    database.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
    const insert = database.prepare<[number, string | null]>('INSERT INTO t (id, value) VALUES (?, ?)');
    return { database, insert };
  }

  it('commits the writes of one turn in one transaction, each caller getting its own result', async () => {
    const { database, insert } = openTable();
    let commits = 0;
    // Counts the transactions the writer runs: one per batch, however many writes it carries.
    const counted = {
      transaction: ((fn: (...args: unknown[]) => unknown) => {
        const inner = database.transaction(fn);
        return (...args: unknown[]) => {
          commits += 1;
          return inner(...args);
        };
      }) as unknown as Database.Database['transaction'],
    };
    const write = createTurnBatchedWriter(
      counted,
      ([id, value]: [number, string]) => insert.run(id, value).lastInsertRowid,
    );

    const results = await Promise.all([write([1, 'a']), write([2, 'b']), write([3, 'c'])]);

    expect(results).toEqual([1, 2, 3]);
    expect(commits).toBe(1);
    expect(database.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
  });

  it('commits the writes of every writer on one connection in one transaction', async () => {
    const { database, insert } = openTable();
    database.exec('CREATE TABLE u (id INTEGER PRIMARY KEY)');
    const insertU = database.prepare<[number]>('INSERT INTO u (id) VALUES (?)');
    let commits = 0;
    const counted = {
      transaction: ((fn: (...args: unknown[]) => unknown) => {
        const inner = database.transaction(fn);
        const run = (...args: unknown[]) => {
          commits += 1;
          return inner(...args);
        };
        run.immediate = (...args: unknown[]) => {
          commits += 1;
          return inner.immediate(...args);
        };
        return run;
      }) as unknown as Database.Database['transaction'],
    };
    const writeT = createTurnBatchedWriter(counted, (id: number) => insert.run(id, 't').changes);
    const writeU = createTurnBatchedWriter(counted, (id: number) => insertU.run(id).changes, {
      immediate: true,
    });

    await expect(Promise.all([writeT(1), writeU(1), writeT(2)])).resolves.toEqual([1, 1, 1]);

    expect(commits).toBe(1);
    expect(database.prepare('SELECT count(*) AS n FROM u').get()).toEqual({ n: 1 });
  });

  it("runs a turn's reads inside the transaction of its writes, each seeing what was committed before", async () => {
    const { database, insert } = openTable();
    insert.run(1, 'committed before');
    const select = database.prepare<[number]>('SELECT value FROM t WHERE id = ?').pluck();
    const inTransaction: boolean[] = [];
    const read = createTurnBatchedReader(database, (id: number) => {
      inTransaction.push(database.inTransaction);
      return select.get(id);
    });
    const write = createTurnBatchedWriter(database, (id: number) => insert.run(id, 'new').changes, {
      immediate: true,
    });

    await expect(Promise.all([read(1), write(2), read(2), read(3)])).resolves.toEqual([
      'committed before',
      1,
      'new',
      undefined,
    ]);
    // Outside a transaction each read would open a read transaction of its own.
    expect(inTransaction).toEqual([true, true, true]);
  });

  it('fails only the bad write when the shared transaction cannot commit, and keeps the others', async () => {
    const { database, insert } = openTable();
    const write = createTurnBatchedWriter(
      database,
      ([id, value]: [number, string | null]) => insert.run(id, value).changes,
    );

    const results = await Promise.allSettled([write([1, 'a']), write([2, null]), write([3, 'c'])]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(database.prepare('SELECT id FROM t ORDER BY id').all()).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('starts a new batch in a later turn', async () => {
    const { database, insert } = openTable();
    const write = createTurnBatchedWriter(
      database,
      ([id, value]: [number, string]) => insert.run(id, value).changes,
    );
    await write([1, 'a']);
    await expect(write([2, 'b'])).resolves.toBe(1);
    expect(database.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
  });

  it("finishes a writer's scope inside each transaction and tells it how the transaction ended", async () => {
    const { database, insert } = openTable();
    database.exec('CREATE TABLE sums (total INTEGER NOT NULL)');
    const insertSum = database.prepare<[number]>('INSERT INTO sums (total) VALUES (?)');
    // A scope that sums the ids written in one transaction and writes the sum once, just before the commit.
    let pending = 0;
    const ended: boolean[] = [];
    const scope = {
      finish: () => {
        insertSum.run(pending);
      },
      settle: (committed: boolean) => {
        ended.push(committed);
        pending = 0;
      },
    };
    const write = createTurnBatchedWriter(
      database,
      ([id, value]: [number, string | null]) => {
        pending += id;
        return insert.run(id, value).changes;
      },
      { scope },
    );

    await Promise.all([write([1, 'a']), write([2, 'b'])]);
    expect(database.prepare('SELECT total FROM sums').pluck().all()).toEqual([3]);
    expect(ended).toEqual([true]);

    // A bad write rolls the shared transaction back (the scope hears so), then each write runs alone in its own.
    const results = await Promise.allSettled([write([3, 'c']), write([4, null])]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect(ended).toEqual([true, false, true, false]);
    expect(database.prepare('SELECT total FROM sums').pluck().all()).toEqual([3, 3]);
  });

  it('rolls the transaction back when a scope cannot finish, and keeps nothing of it', async () => {
    const { database, insert } = openTable();
    let failing = true;
    const ended: boolean[] = [];
    const scope = {
      finish: () => {
        if (failing) throw new Error('cannot write the sum');
      },
      settle: (committed: boolean) => {
        ended.push(committed);
      },
    };
    const write = createTurnBatchedWriter(
      database,
      ([id, value]: [number, string]) => insert.run(id, value).changes,
      { scope },
    );

    await expect(write([1, 'a'])).rejects.toThrow('cannot write the sum');
    expect(database.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    failing = false;
    await expect(write([2, 'b'])).resolves.toBe(1);
    expect(ended).toEqual([false, false, true]);
  });
});
