#!/usr/bin/env node
/** The `tollgate` executable: runs the CLI against the real process. */
import { runCli } from './run-cli.js';

// A reader that stops early (`tollgate usage ada | head`) closes the pipe: the rest of the output is not wanted, so
// the command ends as it would have, without an unhandled write error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
