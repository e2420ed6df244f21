import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTextTokens } from '../simulator/count-prompt-tokens.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { hfPost, startHfInferenceSimulator } from './hf-inference-profile.test-helpers.js';

const MODEL = 'HuggingFaceTB/SmolLM3-3B';

describe('hf-inference chat and completions (TGI)', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await startHfInferenceSimulator();
  });
  afterAll(() => simulator.close());

  it('answers chat on the model’s own route with TGI’s fields and timing headers', async () => {
    const answer = await hfPost(simulator, `${MODEL}/v1/chat/completions`, {
      model: MODEL,
      messages: [{ role: 'user', content: 'Capital of France?' }],
    });
    expect(answer.status).toBe(200);
    const completion = answer.json as Record<string, unknown> & { usage: Record<string, number> };
    expect(completion).toMatchObject({
      object: 'chat.completion',
      id: '',
      model: MODEL,
      system_fingerprint: expect.stringMatching(/^\d+\.\d+\.\d+-sha-[0-9a-f]{7}$/),
    });
    expect(answer.headers.get('x-compute-type')).toBe('gpu+optimized');
    expect(answer.headers.get('x-compute-time')).toMatch(/^\d+\.\d{9}$/);
    expect(answer.headers.get('x-generated-tokens')).toBe(String(completion.usage.completion_tokens));
    expect(answer.headers.get('x-prompt-tokens')).toBe(String(completion.usage.prompt_tokens));
  });

  it('streams chat as server-sent events', async () => {
    const response = await fetch(
      `${simulator.baseUrlFor('hf-inference')}/models/${MODEL}/v1/chat/completions`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${simulator.apiKeyFor('hf-inference')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      },
    );
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await response.text()).toMatch(/data: \[DONE\]/);
  });

  it('completes a prompt on /v1/completions, honouring max_tokens', async () => {
    const answer = await hfPost(simulator, `${MODEL}/v1/completions`, {
      model: MODEL,
      prompt: 'The answer to the universe is',
      max_tokens: 4,
    });
    const completion = answer.json as {
      object: string;
      choices: { text: string; finish_reason: string }[];
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    expect(completion.object).toBe('text_completion');
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage.prompt_tokens).toBe(countTextTokens('The answer to the universe is'));
    expect(completion.usage.completion_tokens).toBe(countTextTokens(completion.choices[0]!.text));
    expect(answer.headers.get('x-compute-time')).toMatch(/^\d+\.\d{9}$/);
  });

  it('refuses chat on a model that is no LLM, and a pipeline call on the LLM', async () => {
    const chatOnClassifier = await hfPost(simulator, 'ProsusAI/finbert/v1/chat/completions', {
      model: 'ProsusAI/finbert',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(chatOnClassifier.status).toBe(400);
    expect((await hfPost(simulator, MODEL, { inputs: 'Hi' })).status).toBe(400);
  });
});
