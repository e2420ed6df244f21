/**
 * A client that goes away mid-stream makes the gateway abort its upstream call. (A charged stream is read on for
 * the provider's usage for billing's `disconnectGraceMs` first, 5 s by default; this gateway's is 0.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useGateway } from '../support/use-gateway.js';

const configFile = path.join(mkdtempSync(path.join(tmpdir(), 'tollgate-abort-')), 'tollgate.config.json');
writeFileSync(configFile, JSON.stringify({ billing: { disconnectGraceMs: 0 } }));
const context = useGateway({
  simulator: { latency: { tokensPerSecond: 20 } },
  env: { TOLLGATE_CONFIG: configFile },
});

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

describe('client abort', () => {
  it('closes the upstream connection when the client aborts a stream', async () => {
    const controller = new AbortController();
    const stream = await context.client.chat.completions.create(
      {
        model: 'openai/gpt-oss-120b:groq',
        messages: [{ role: 'user', content: 'Tell me a long story.' }],
        max_tokens: 200,
        stream: true,
      },
      { signal: controller.signal },
    );
    let chunks = 0;
    try {
      for await (const _chunk of stream) {
        chunks += 1;
        if (chunks === 2) controller.abort();
      }
    } catch (error) {
      // Depending on timing the SDK either ends the iteration or raises its abort error; both are a client abort.
      expect(error).toBeInstanceOf(OpenAI.APIUserAbortError);
    }
    expect(chunks).toBe(2);
    const upstream = () => context.simulator.calls.filter((call) => call.providerId === 'groq').at(-1);
    await eventually(
      () => upstream()?.outcome === 'client-closed',
      'the simulator to see the gateway hang up',
    );
    expect(upstream()!.outcome).toBe('client-closed');
  });
});
