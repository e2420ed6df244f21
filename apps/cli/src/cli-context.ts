/** What a command may touch: output streams, environment and working directory, injected so tests run in-process. */
import type { SecretInput } from './read-secret.js';

/** Anything with a `write(text)`: `process.stdout`, or a buffer in tests. */
export interface TextOutput {
  write(text: string): unknown;
}

export interface CliContext {
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths and default locations are resolved against. */
  readonly cwd: string;
  /** Where secrets typed or piped by the user are read from (`keys set`); `process.stdin` by default. */
  readonly stdin?: SecretInput;
}
