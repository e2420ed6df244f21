/**
 * Group commit for SQLite: writes asked for during one turn of the event loop run together in one transaction at
 * the end of the turn (setImmediate). A commit in WAL mode appends every page it touched to the log, so one commit
 * for many small inserts writes those pages once instead of once per insert. Every writer made on one connection
 * shares that connection's batch, so the ledger's holds and settlements, request records and checkpoints of one
 * turn are one commit, not one per repository. Each caller still learns the outcome of its own write: if the shared
 * transaction fails, each write is retried alone, so a bad one fails only itself.
 *
 * A writer may bring a {@link TransactionScope}: state its writes build up during one transaction (figures read once
 * and kept in memory, sums written once), finished inside every transaction of its connection before the commit, and
 * told afterwards whether that transaction committed.
 */
import type Database from 'better-sqlite3';

type Connection = Pick<Database.Database, 'transaction'>;

interface Pending {
  readonly run: () => unknown;
  readonly immediate: boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** What one writer keeps for the length of one transaction; see {@link createTurnBatchedWriter}. */
export interface TransactionScope {
  /** Inside the transaction, after its writes: write out what the scope holds. A throw rolls the transaction back. */
  finish(): void;
  /** After the transaction: `committed` false when it rolled back, so what the scope holds must be dropped. */
  settle(committed: boolean): void;
}

type Enqueue = (pending: Pending) => void;

interface Batch {
  readonly enqueue: Enqueue;
  readonly scopes: Set<TransactionScope>;
}

/** One queue per connection: writers of different repositories on one connection commit together. */
const batches = new WeakMap<Connection, Batch>();

function batchOf(database: Connection): Batch {
  const known = batches.get(database);
  if (known !== undefined) return known;
  let queue: Pending[] = [];
  let immediate = false;
  const scopes = new Set<TransactionScope>();
  const finishScopes = () => {
    for (const scope of scopes) scope.finish();
  };
  const all = database.transaction((items: readonly Pending[]) => {
    const results = items.map((pending) => pending.run());
    finishScopes();
    return results;
  });
  const one = database.transaction((pending: Pending) => {
    const result = pending.run();
    finishScopes();
    return result;
  });
  const settleScopes = (committed: boolean) => {
    for (const scope of scopes) scope.settle(committed);
  };
  /** Runs one transaction and tells the scopes how it ended. */
  const inScopes = <T>(run: () => T): T => {
    let result: T;
    try {
      result = run();
    } catch (error) {
      settleScopes(false);
      throw error;
    }
    settleScopes(true);
    return result;
  };

  const flush = () => {
    const batch = queue;
    // IMMEDIATE takes the file's write lock before reading, for writes that read, decide and write (the ledger).
    const writeAll = immediate ? all.immediate : all;
    queue = [];
    immediate = false;
    let results: unknown[];
    try {
      results = inScopes(() => writeAll(batch));
    } catch {
      for (const pending of batch) {
        try {
          pending.resolve(inScopes(() => (pending.immediate ? one.immediate : one)(pending)));
        } catch (error) {
          pending.reject(error);
        }
      }
      return;
    }
    for (const [index, pending] of batch.entries()) pending.resolve(results[index]);
  };

  const enqueue: Enqueue = (pending) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push(pending);
    if (pending.immediate) immediate = true;
  };
  const created = { enqueue, scopes };
  batches.set(database, created);
  return created;
}

/**
 * @example
 * const record = createTurnBatchedWriter(database, (row) => insert().run(...row).changes);
 * await record(row); // committed once this resolves
 */
export function createTurnBatchedWriter<I, O>(
  database: Connection,
  write: (item: I) => O,
  options: { readonly immediate?: boolean; readonly scope?: TransactionScope } = {},
): (item: I) => Promise<O> {
  const { enqueue, scopes } = batchOf(database);
  if (options.scope !== undefined) scopes.add(options.scope);
  const immediate = options.immediate === true;
  return (item) =>
    new Promise<O>((resolve, reject) => {
      enqueue({ run: () => write(item), immediate, resolve: resolve as (value: unknown) => void, reject });
    });
}

/**
 * A read made on every request (a hold's billing terms), run inside the turn's transaction like a write. Outside a
 * transaction each SELECT opens and closes a read transaction of its own, two `fcntl` locks and a look at the WAL
 * index, which on the request path cost more than the statement; inside the turn's it shares the lock the writes
 * take anyway, and still sees every committed change. The caller waits for the end of the turn.
 *
 * @example
 * const findTier = createTurnBatchedReader(database, (id: string) => selectTier().get(id));
 * const tier = await findTier(userId);
 */
export function createTurnBatchedReader<I, O>(
  database: Connection,
  read: (item: I) => O,
): (item: I) => Promise<O> {
  return createTurnBatchedWriter(database, read);
}
