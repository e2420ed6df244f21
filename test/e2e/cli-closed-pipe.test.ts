import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { cliMain } from '../support/repo-paths.js';

// `tollgate plugins list | head -1`: the reader leaves before the CLI has written everything.
it('ends quietly, exit code 0, when the reader of its output closes the pipe early', async () => {
  const child = spawn(process.execPath, [cliMain, 'plugins', 'list'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

  expect(stderr).not.toContain('EPIPE');
  expect(code).toBe(0);
});
