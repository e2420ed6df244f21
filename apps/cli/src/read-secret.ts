/** Reads a secret the user should not have to put on the command line: piped stdin, or a prompt that does not echo. */
import { CliError } from './cli-error.js';

/** What `readSecret` needs of stdin (`process.stdin`, or a stream in tests). */
export type SecretInput = NodeJS.ReadableStream & {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
};

/**
 * From a terminal: prompts on `prompt`'s stream and reads one line without echoing it. Piped: the whole input,
 * trimmed. Fails when nothing was given.
 *
 * @example const key = await readSecret(process.stdin, process.stderr, 'Groq key: ');
 */
export async function readSecret(
  input: SecretInput,
  output: { write(text: string): unknown },
  prompt: string,
): Promise<string> {
  const secret =
    input.isTTY && input.setRawMode ? await promptHidden(input, output, prompt) : await readAll(input);
  if (secret.trim() === '')
    throw new CliError('No key given: pass --key, pipe it on stdin, or type it when asked.');
  return secret.trim();
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(
  input: SecretInput,
  output: { write(text: string): unknown },
  prompt: string,
): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const character of String(chunk)) {
        if (character === '\r' || character === '\n' || character === '\u0004') return finish();
        if (character === '\u0003') return finish(new CliError('Cancelled.', { exitCode: 130 }));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}
