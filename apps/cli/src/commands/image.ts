/**
 * `tollgate image PROMPT... --out FILE`: one text-to-image request through a running gateway
 * (`/v1/images/generations`), or with `--direct` to the provider itself with your own key, written to a file.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nanoToUsd } from '@tollgate/core';
import type { Command } from 'commander';
import { readApiError } from '../chat/read-api-error.js';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { type DirectFlags, directOptions, openDirectProvider } from '../direct-provider.js';
import { GATEWAY_URL_ENV_VAR, resolveGatewayUrl } from '../gateway-url.js';
import { isRecord } from '../is-record.js';
import { readToken } from '../read-token.js';

/** Widely served text-to-image model, fast enough for a first try. */
export const DEFAULT_IMAGE_MODEL = 'black-forest-labs/FLUX.1-schnell';

interface ImageOptions extends DirectFlags {
  readonly out: string;
  readonly model: string;
  readonly url?: string;
  readonly token?: string;
}

/** The first image's bytes from the gateway's OpenAI-style answer (asked for as base64). */
async function imageFromGateway(context: CliContext, options: ImageOptions, prompt: string) {
  const token = readToken(options.token, context.env);
  const url = `${resolveGatewayUrl(options.url, context.env)}/images/generations`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: options.model, prompt, response_format: 'b64_json' }),
    });
  } catch (error) {
    throw new CliError(`Could not reach the gateway at ${url}; is \`tollgate serve\` running?`, {
      cause: error,
    });
  }
  if (!response.ok) throw new CliError(await readApiError(response));
  const body: unknown = await response.json();
  const first = isRecord(body) && Array.isArray(body.data) ? body.data[0] : undefined;
  if (!isRecord(first) || typeof first.b64_json !== 'string') {
    throw new CliError('The gateway answered without an image.');
  }
  return {
    bytes: Buffer.from(first.b64_json, 'base64'),
    summary: `provider: ${response.headers.get('x-inference-provider') ?? 'unknown'}`,
  };
}

/** The first image of a direct call: the provider's bytes, or what its URL serves (a CDN or a `data:` URL). */
async function imageDirectly(context: CliContext, options: ImageOptions, prompt: string) {
  const client = await openDirectProvider(options, context);
  try {
    const result = await client.execute({
      task: 'text-to-image',
      model: options.model,
      input: { inputs: prompt },
    });
    if (result.kind !== 'complete') throw new CliError(`${result.route.providerId} answered with a stream.`);
    const images = isRecord(result.output) && Array.isArray(result.output.images) ? result.output.images : [];
    const image: unknown = images[0];
    let bytes: Buffer;
    if (isRecord(image) && image.kind === 'bytes' && image.bytes instanceof Uint8Array) {
      bytes = Buffer.from(image.bytes);
    } else if (isRecord(image) && image.kind === 'url' && typeof image.url === 'string') {
      const response = await fetch(image.url);
      if (!response.ok)
        throw new CliError(`Fetching the image at ${image.url} failed: HTTP ${response.status}.`);
      bytes = Buffer.from(await response.arrayBuffer());
    } else {
      throw new CliError(`${result.route.providerId} returned no image.`);
    }
    const cost = result.costNanoUsd === undefined ? '' : ` (about $${nanoToUsd(result.costNanoUsd)})`;
    return { bytes, summary: `provider: ${result.route.providerId}, billed by the provider${cost}` };
  } finally {
    await client.close();
  }
}

/** Adds `image` to the program. */
export function registerImageCommand(program: Command, context: CliContext): void {
  const command = program
    .command('image')
    .description('generate an image through a running gateway (or, with --direct, at a provider) into a file')
    .argument('<prompt...>', 'what to draw (words are joined with spaces)')
    .requiredOption('--out <file>', 'where to write the image')
    .option('--model <model>', 'the model, optionally with :provider or :cheapest', DEFAULT_IMAGE_MODEL)
    .option(
      '--url <url>',
      `the gateway's OpenAI base URL (default: $${GATEWAY_URL_ENV_VAR}, else http://127.0.0.1:8080/v1)`,
    )
    .option('--token <token>', 'an hf_ access token (default: $TOLLGATE_TOKEN, else $HF_TOKEN)');
  for (const option of directOptions()) command.addOption(option);
  command.action(async (words: string[], options: ImageOptions) => {
    const prompt = words.join(' ');
    const { bytes, summary } = options.direct
      ? await imageDirectly(context, options, prompt)
      : await imageFromGateway(context, options, prompt);
    const out = path.resolve(context.cwd, options.out);
    await writeFile(out, bytes);
    context.stdout.write(`${out}\n`);
    context.stderr.write(`Wrote ${bytes.length} bytes; ${summary}\n`);
  });
}
