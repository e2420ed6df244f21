/**
 * Group commit for SQLite: writes asked for during one turn of the event loop run together in one transaction at
 * the end of the turn (setImmediate). A commit in WAL mode appends every page it touched to the log, so one commit
 * for many small inserts writes those pages once instead of once per insert. Every writer made on one connection
 * shares that connection's batch, so the ledger's holds and settlements, request records and checkpoints of one
 * turn are one commit, not one per repository. Each caller still learns the outcome of its own write: if the shared
 * transaction fails, each write is retried alone, so a bad one fails only itself.
 */
import type Database from 'better-sqlite3';

type Connection = Pick<Database.Database, 'transaction'>;

interface Pending {
  readonly run: () => unknown;
  readonly immediate: boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Enqueue = (pending: Pending) => void;

/** One queue per connection: writers of different repositories on one connection commit together. */
const batches = new WeakMap<Connection, Enqueue>();

function batchOf(database: Connection): Enqueue {
  let enqueue = batches.get(database);
  if (enqueue !== undefined) return enqueue;
  let queue: Pending[] = [];
  let immediate = false;
  const all = database.transaction((items: readonly Pending[]) => items.map((pending) => pending.run()));
  const one = database.transaction((pending: Pending) => pending.run());

  const flush = () => {
    const batch = queue;
    // IMMEDIATE takes the file's write lock before reading, for writes that read, decide and write (the ledger).
    const writeAll = immediate ? all.immediate : all;
    queue = [];
    immediate = false;
    let results: unknown[];
    try {
      results = writeAll(batch);
    } catch {
      for (const pending of batch) {
        try {
          pending.resolve((pending.immediate ? one.immediate : one)(pending));
        } catch (error) {
          pending.reject(error);
        }
      }
      return;
    }
    for (const [index, pending] of batch.entries()) pending.resolve(results[index]);
  };

  enqueue = (pending) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push(pending);
    if (pending.immediate) immediate = true;
  };
  batches.set(database, enqueue);
  return enqueue;
}

/**
 * @example
 * const record = createTurnBatchedWriter(database, (row) => insert().run(...row).changes);
 * await record(row); // committed once this resolves
 */
export function createTurnBatchedWriter<I, O>(
  database: Connection,
  write: (item: I) => O,
  options: { readonly immediate?: boolean } = {},
): (item: I) => Promise<O> {
  const enqueue = batchOf(database);
  const immediate = options.immediate === true;
  return (item) =>
    new Promise<O>((resolve, reject) => {
      enqueue({ run: () => write(item), immediate, resolve: resolve as (value: unknown) => void, reject });
    });
}
