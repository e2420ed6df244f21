import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';
import { useTemporaryDirectory } from './temporary-directory.test-helpers.js';

describe('createSqliteStore on a file', () => {
  const directory = useTemporaryDirectory();

  it('describes itself by its file name', () => {
    const filename = join(directory(), 'described.db');
    const store = createSqliteStore({ filename });

    expect(store.description).toBe(`sqlite:${filename}`);
    return store.close();
  });
});
