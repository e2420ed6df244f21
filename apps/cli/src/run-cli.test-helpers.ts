/** Runs the CLI in-process with captured output, an isolated environment and throwaway directories. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { TextOutput } from './cli-context.js';
import type { ServeHooks } from './commands/serve.js';
import type { SecretInput } from './read-secret.js';
import { runCli } from './run-cli.js';

export interface CapturedText extends TextOutput {
  text(): string;
}

/** A `TextOutput` that remembers everything written to it. */
export function captureText(): CapturedText {
  const chunks: string[] = [];
  return {
    write(text: string) {
      chunks.push(text);
      return true;
    },
    text: () => chunks.join(''),
  };
}

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions extends ServeHooks {
  /** The whole environment the CLI sees; the real `process.env` never leaks in (no stray HF_TOKEN). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** What the CLI reads as stdin (a piped secret); none by default. */
  readonly stdin?: SecretInput;
}

/**
 * @example
 * const { exitCode, stdout } = await runTollgate(['users', 'list', '--json'], { cwd: dir });
 */
export async function runTollgate(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const stdout = captureText();
  const stderr = captureText();
  const exitCode = await runCli(args, {
    ...options,
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd ?? temporaryDirectory(),
  });
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}

/** A new empty directory, removed when the current test finishes. */
export function temporaryDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'tollgate-cli-'));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}
