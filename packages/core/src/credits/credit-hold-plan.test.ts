import { setFlagsFromString } from 'node:v8';
import { createOpenAICompatibleTasks } from '@tollgate/openai-compatible';
import type { RateCardV1, TaskHandlerV1, UsageV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { computeCost } from '../pricing/compute-cost.js';
import type { PricingService } from '../pricing/pricing-service.js';
import { DEFAULT_MAX_OUTPUT_TOKENS, planCreditHold } from './credit-hold-plan.js';

// $1 per 1M input tokens, $10 per 1M output tokens: 1000 and 10000 nano-USD per token.
const card: RateCardV1 = { inputPerMillionTokens: '1', outputPerMillionTokens: '10' };
const pricing = (rates: RateCardV1 | undefined): PricingService => ({
  rateCardFor: () => rates,
  costOf: (_provider, _model, usage: UsageV1) => (rates ? computeCost(rates, usage) : undefined),
  inputPricePerMillionTokens: () => undefined,
  outputPricePerMillionTokens: () => undefined,
});
const chat = createOpenAICompatibleTasks({ providerId: 'groq' }).conversational as TaskHandlerV1;
const plan = (input: unknown, rates?: RateCardV1 | null, options = {}) =>
  planCreditHold({
    handler: chat,
    input,
    pricing: pricing(rates === null ? undefined : (rates ?? card)),
    providerId: 'groq',
    providerModelId: 'm',
    options,
  });
const messages = [{ role: 'user', content: 'Hi' }];
// V8's own check of whether two objects share a hidden class (map); natives syntax is parsed once it is allowed.
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
  a: unknown,
  b: unknown,
) => boolean;
// JSON of the messages (32 bytes) + 16 per message + 64.
const inputBound = 112n;

describe('planCreditHold', () => {
  it('holds the input bound plus max_tokens at the output rate, down to the input plus the floor', () => {
    const held = plan({ messages, max_tokens: 100 });
    expect(held.maxCostNanoUsd).toBe(inputBound * 1000n + 100n * 10_000n);
    expect(held.minCostNanoUsd).toBe(inputBound * 1000n + 16n * 10_000n);
    // Held in full: the client's request goes as it came.
    const input = { messages, max_tokens: 100 };
    expect(plan(input).limit(held.maxCostNanoUsd!).input).toBe(input);
  });

  it('caps a request without max_tokens at the default cap, and sends that cap', () => {
    const held = plan({ messages });
    expect(held.maxCostNanoUsd).toBe(inputBound * 1000n + BigInt(DEFAULT_MAX_OUTPUT_TOKENS) * 10_000n);
    expect(held.limit(held.maxCostNanoUsd!).input).toMatchObject({ max_tokens: DEFAULT_MAX_OUTPUT_TOKENS });
    expect(plan({ messages }, card, { defaultMaxOutputTokens: 50 }).maxCostNanoUsd).toBe(
      inputBound * 1000n + 500_000n,
    );
  });

  it('lowers max_tokens to the most a partial hold pays for, keeping the name the client used', () => {
    const held = plan({ messages, max_completion_tokens: 1000 });
    // Room for 40 output tokens and a little more.
    const limited = held.limit(inputBound * 1000n + 40n * 10_000n + 9_999n);
    expect(limited.input).toEqual({ messages, max_completion_tokens: 40 });
    expect(limited.maxOutputTokens).toBe(40);
  });

  it('multiplies output by n, and limits each sequence', () => {
    const held = plan({ messages, max_tokens: 100, n: 2 });
    expect(held.maxCostNanoUsd).toBe(inputBound * 1000n + 200n * 10_000n);
    expect(held.limit(inputBound * 1000n + 60n * 10_000n).input).toMatchObject({ max_tokens: 30 });
  });

  it('holds nothing for a model without a rate, and the default for an unbounded request', () => {
    expect(plan({ messages }, null).maxCostNanoUsd).toBe(0n);
    const unbounded = planCreditHold({
      handler: { kind: 'sync', mapRequest: () => ({}) as never, mapResponse: () => ({}) as never },
      input: {},
      pricing: pricing(card),
      providerId: 'p',
      providerModelId: 'm',
    });
    expect(unbounded.maxCostNanoUsd).toBeUndefined();
    expect(unbounded.minCostNanoUsd).toBeUndefined();
  });
});

describe('planCreditHold for image generation without a handler bound', () => {
  const handler = {
    kind: 'sync',
    mapRequest: () => ({}) as never,
    mapResponse: () => ({}) as never,
  } as const;
  const perImage = (input: unknown, rates: RateCardV1) =>
    planCreditHold({
      handler,
      task: 'text-to-image',
      input,
      pricing: pricing(rates),
      providerId: 'fal-ai',
      providerModelId: 'flux',
    });

  it('holds the images asked for at a per-image price, all or nothing', () => {
    const held = perImage({ inputs: 'a cat', parameters: { num_images: 3 } }, { perImage: '0.025' });
    expect(held.maxCostNanoUsd).toBe(75_000_000n);
    expect(held.minCostNanoUsd).toBe(75_000_000n);
  });

  it('holds 4.2 MP an image at a per-megapixel price, down to 1 MP when the size is not named', () => {
    const held = perImage({ inputs: 'a cat' }, { perMegapixel: '0.025' });
    expect(held.maxCostNanoUsd).toBe(105_000_000n);
    expect(held.minCostNanoUsd).toBe(25_000_000n);
    // A named size is rounded up to whole megapixels of 2^20 pixels, as fal bills it.
    const named = perImage(
      { inputs: 'a cat', parameters: { width: 1536, height: 1024 } },
      { perMegapixel: '0.025' },
    );
    expect(named.maxCostNanoUsd).toBe(50_000_000n);
  });

  it('prices usages of one shape that share a hidden class, so that pricing reads them through a warm cache', () => {
    const priced: UsageV1[] = [];
    const recording: PricingService = {
      ...pricing(card),
      costOf: (_provider, _model, usage) => {
        priced.push(usage);
        return computeCost(card, usage);
      },
    };
    for (let index = 0; index < 100; index += 1)
      planCreditHold({
        handler: chat,
        input: { messages, max_tokens: 100 + index },
        pricing: recording,
        providerId: 'groq',
        providerModelId: 'm',
      });
    const withOutput = priced.filter((usage) => usage.outputTokens !== undefined);
    expect(withOutput.length).toBeGreaterThanOrEqual(100);
    expect(withOutput.every((usage) => haveSameMap(usage, withOutput[0]))).toBe(true);
  });
});
