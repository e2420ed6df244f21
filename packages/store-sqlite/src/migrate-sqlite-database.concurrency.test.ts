import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { migrateSqliteDatabase } from './migrate-sqlite-database.js';
import { sqliteMigrations } from './migrations/sqlite-migrations.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { useTemporaryDirectory } from './temporary-directory.test-helpers.js';
import { transpileSourcesForWorkers } from './transpile-sources-for-workers.test-helpers.js';

// Worker threads stand in for gateway processes: each has its own SQLite connection and file locks.
const workerCount = 6;
const rounds = 20;

/**
 * Starts `workerCount` threads; for each file in turn, they open it together, then migrate it together.
 * Returns, per file, the versions each worker applied.
 */
async function migrateFromManyThreads(modulesDirectory: string, filenames: readonly string[]) {
  const barriers = new SharedArrayBuffer(2 * filenames.length * Int32Array.BYTES_PER_ELEMENT);
  const workers = Array.from(
    { length: workerCount },
    () =>
      new Worker(new URL('./migrate-in-worker.test-helpers.mjs', import.meta.url), {
        workerData: {
          modulesDirectory: pathToFileURL(modulesDirectory).href,
          filenames,
          workerCount,
          barriers,
        },
      }),
  );
  try {
    const appliedByWorker = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<number[][]>((resolve, reject) => {
            worker.once('message', (message: { appliedPerFile: number[][] }) =>
              resolve(message.appliedPerFile),
            );
            worker.once('error', reject);
            worker.once('exit', (code) =>
              reject(new Error(`worker exited with code ${code} before answering`)),
            );
          }),
      ),
    );
    return filenames.map((_, round) => appliedByWorker.map((perFile) => perFile[round] ?? []));
  } finally {
    // A failed worker leaves its siblings waiting at a barrier.
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

describe('migrateSqliteDatabase from several processes at once', () => {
  const directory = useTemporaryDirectory();

  it('applies each migration exactly once when processes open and migrate one new file together', async () => {
    const modulesDirectory = join(directory(), 'modules');
    mkdirSync(modulesDirectory);
    transpileSourcesForWorkers(modulesDirectory);
    const filenames = Array.from({ length: rounds }, (_, round) => join(directory(), `race-${round}.db`));
    const versions = sqliteMigrations.map((migration) => migration.version);

    const appliedPerFile = await migrateFromManyThreads(modulesDirectory, filenames);

    for (const [round, appliedByWorker] of appliedPerFile.entries()) {
      expect(appliedByWorker.flat().sort((a, b) => a - b)).toEqual(versions);
      const database = openSqliteDatabase(filenames[round] ?? '');
      const recorded = database.prepare<[], number>('SELECT version FROM schema_migrations').pluck().all();
      expect(recorded).toEqual(versions);
      expect(migrateSqliteDatabase(database)).toEqual([]);
      database.close();
    }
  });
});
