import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderKeyCipher, ProviderKeyVault, parseMasterKey } from '@tollgate/core';
import { expect, it } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';
import { useTemporaryDirectory } from './temporary-directory.test-helpers.js';

const directory = useTemporaryDirectory();

it('keeps no byte of the key in the database file or its WAL, only ciphertext', async () => {
  const filename = join(directory(), 'keys.db');
  const store = createSqliteStore({ filename });
  await store.migrate();
  const cipher = new ProviderKeyCipher({
    current: parseMasterKey(randomBytes(32).toString('base64')),
    previous: [],
  });
  const vault = new ProviderKeyVault({ repository: store.providerKeys, cipher });
  const secret = 'gsk_file_5Jr8KpW3xQ7yU2dF0aM4';
  try {
    await vault.set('account-1', 'groq', secret);
    expect(await vault.reveal('account-1', 'groq')).toBe(secret);
    const bytes = [filename, `${filename}-wal`]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path));
    expect(bytes.length).toBeGreaterThan(0);
    for (const content of bytes) expect(content.includes(Buffer.from('gsk_file_'))).toBe(false);
    // The row was written to these files: its display suffix is there.
    expect(bytes.some((content) => content.includes(Buffer.from(`${secret.slice(-4)}`)))).toBe(true);
  } finally {
    await store.close();
  }
});
