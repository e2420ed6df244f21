/**
 * Group commit for SQLite: writes asked for during one turn of the event loop run together in one transaction at
 * the end of the turn (setImmediate). A commit in WAL mode appends every page it touched to the log, so one commit
 * for many small inserts writes those pages once instead of once per insert. Each caller still learns the outcome
 * of its own write: if the shared transaction fails, each write is retried alone, so a bad one fails only itself.
 */
import type Database from 'better-sqlite3';

interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * @example
 * const record = createTurnBatchedWriter(database, (row) => insert().run(...row).changes);
 * await record(row); // committed once this resolves
 */
export function createTurnBatchedWriter<I, O>(
  database: Pick<Database.Database, 'transaction'>,
  write: (item: I) => O,
  options: { readonly immediate?: boolean } = {},
): (item: I) => Promise<O> {
  let queue: Pending<I, O>[] = [];
  const all = database.transaction((items: readonly I[]) => items.map(write));
  const one = database.transaction(write);
  // IMMEDIATE takes the file's write lock before reading, for writes that read, decide and write (the ledger).
  const writeAll = options.immediate ? all.immediate : all;
  const writeOne = options.immediate ? one.immediate : one;

  const flush = () => {
    const batch = queue;
    queue = [];
    let results: O[];
    try {
      results = writeAll(batch.map((pending) => pending.item));
    } catch {
      for (const pending of batch) {
        try {
          pending.resolve(writeOne(pending.item));
        } catch (error) {
          pending.reject(error);
        }
      }
      return;
    }
    for (const [index, pending] of batch.entries()) pending.resolve(results[index] as O);
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ item, resolve, reject });
    });
}
