/** `tollgate chat MESSAGE...`: one chat completion through a running gateway, streamed to the terminal. */

import { nanoToUsd } from '@tollgate/core';
import { type Command, InvalidArgumentError } from 'commander';
import { type ChatUsage, formatChatSummary, readChatUsage } from '../chat/chat-usage.js';
import { readApiError } from '../chat/read-api-error.js';
import { type ChatStreamEvent, chatEventsOf, readChatStream } from '../chat/read-chat-stream.js';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { type DirectFlags, directOptions, openDirectProvider } from '../direct-provider.js';
import { GATEWAY_URL_ENV_VAR, resolveGatewayUrl } from '../gateway-url.js';
import { isRecord } from '../is-record.js';
import { readToken } from '../read-token.js';

/** The model asked for when `--model` is absent: widely served, so the default route usually works. */
export const DEFAULT_CHAT_MODEL = 'meta-llama/Llama-3.3-70B-Instruct';

interface ChatOptions extends DirectFlags {
  readonly url?: string;
  readonly token?: string;
  readonly model: string;
  readonly stream: boolean;
  readonly system?: string;
  readonly maxTokens?: number;
  /** `--bill-to ORG`: sent as `X-HF-Bill-To`. */
  readonly billTo?: string;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

async function post(url: string, token: string, body: unknown, billTo?: string): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(billTo ? { 'x-hf-bill-to': billTo } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    // fetch reports network failures as "fetch failed"; the useful part (ECONNREFUSED...) is in the cause.
    const cause = (error as Error).cause;
    const detail = isRecord(cause) && typeof cause.code === 'string' ? cause.code : (error as Error).message;
    throw new CliError(`Could not reach the gateway at ${url} (${detail}); is \`tollgate serve\` running?`, {
      cause: error,
    });
  }
}

function messageContentOf(body: unknown): string {
  if (!isRecord(body) || !Array.isArray(body.choices)) return '';
  const first: unknown = body.choices[0];
  if (!isRecord(first) || !isRecord(first.message)) return '';
  return typeof first.message.content === 'string' ? first.message.content : '';
}

/** A plugin may pass a chunk through as the provider's JSON text, or hand over the parsed object. */
function parsedChunk(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** `--direct`: the provider's answer through the same plugin as the gateway's, printed the same way. */
async function chatDirectly(
  context: CliContext,
  options: ChatOptions,
  body: Record<string, unknown>,
): Promise<void> {
  const client = await openDirectProvider(options, context);
  try {
    const result = await client.execute({ task: 'conversational', model: options.model, input: body });
    const billed = (cost: bigint | undefined) =>
      `, billed by the provider${cost === undefined ? '' : ` (about $${nanoToUsd(cost)})`}`;
    if (result.kind === 'complete') {
      const output = parsedChunk(result.output);
      context.stdout.write(`${messageContentOf(output)}\n`);
      const summary = formatChatSummary(result.route.providerId, readChatUsage(output));
      context.stderr.write(`${summary}${billed(result.costNanoUsd)}\n`);
      return;
    }
    let usage: ChatUsage | undefined;
    for await (const batch of result.batches) {
      for (const item of batch) {
        const events: ChatStreamEvent[] =
          item.type === 'chunk'
            ? chatEventsOf(parsedChunk(item.data))
            : [{ type: 'error', message: item.error.message }];
        for (const event of events) {
          if (event.type === 'text') context.stdout.write(event.text);
          else if (event.type === 'usage') usage = event.usage;
          else {
            context.stdout.write('\n');
            throw new CliError(`The stream failed: ${event.message}`);
          }
        }
      }
    }
    const completion = await result.completion;
    context.stdout.write('\n');
    context.stderr.write(
      `${formatChatSummary(result.route.providerId, usage)}${billed(completion.costNanoUsd)}\n`,
    );
  } finally {
    await client.close();
  }
}

/** Adds `chat` to the program. */
export function registerChatCommand(program: Command, context: CliContext): void {
  const command = program
    .command('chat')
    .description(
      'send a chat message through a running gateway (or, with --direct, to a provider) and print the reply',
    )
    .argument('<message...>', 'the message (words are joined with spaces)')
    .option(
      '--url <url>',
      `the gateway's OpenAI base URL (default: $${GATEWAY_URL_ENV_VAR}, else http://127.0.0.1:8080/v1)`,
    )
    .option('--token <token>', 'an hf_ access token (default: $TOLLGATE_TOKEN, else $HF_TOKEN)')
    .option(
      '--model <model>',
      'the model, optionally with :provider or :fastest / :cheapest',
      DEFAULT_CHAT_MODEL,
    )
    .option('--system <text>', 'a system message sent before yours')
    .option('--max-tokens <n>', 'the most tokens to generate', positiveInteger)
    .option('--no-stream', 'wait for the whole reply instead of streaming it')
    .option('--bill-to <organization>', 'bill the request to an organization you belong to (X-HF-Bill-To)');
  for (const option of directOptions()) command.addOption(option);
  command.action(async (words: string[], options: ChatOptions) => {
    if (options.direct) {
      const messages = [
        ...(options.system ? [{ role: 'system', content: options.system }] : []),
        { role: 'user', content: words.join(' ') },
      ];
      return chatDirectly(context, options, {
        model: options.model,
        messages,
        ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
        ...(options.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
      });
    }
    const token = readToken(options.token, context.env);
    const url = `${resolveGatewayUrl(options.url, context.env)}/chat/completions`;
    const messages = [
      ...(options.system ? [{ role: 'system', content: options.system }] : []),
      { role: 'user', content: words.join(' ') },
    ];
    const response = await post(
      url,
      token,
      {
        model: options.model,
        messages,
        ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
        ...(options.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
      },
      options.billTo,
    );
    if (!response.ok) throw new CliError(await readApiError(response));
    const provider = response.headers.get('x-inference-provider');

    const isEventStream = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
    if (!isEventStream || response.body === null) {
      const body: unknown = await response.json();
      context.stdout.write(`${messageContentOf(body)}\n`);
      context.stderr.write(`${formatChatSummary(provider, readChatUsage(body))}\n`);
      return;
    }

    let usage: ChatUsage | undefined;
    for await (const event of readChatStream(response.body)) {
      if (event.type === 'text') context.stdout.write(event.text);
      else if (event.type === 'usage') usage = event.usage;
      else {
        context.stdout.write('\n');
        throw new CliError(`The stream failed: ${event.message}`);
      }
    }
    context.stdout.write('\n');
    context.stderr.write(`${formatChatSummary(provider, usage)}\n`);
  });
}
