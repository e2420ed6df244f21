/** A provider with a billing API for tests (decision 0021): the generic plugin given a billing URL, and its simulator. */
import { createOpenAICompatiblePlugin } from '@tollgate/provider-openai-compatible';
import { openAICompatibleProfile, type SimulatorOptions } from '@tollgate/provider-test-kit';

export const PROVIDER = 'billed-vllm';
export const HF_MODEL = 'Qwen/Qwen2.5-7B-Instruct';
export const MODEL = `${HF_MODEL}:${PROVIDER}`;
/** What the provider bills: less than its rate card, so the two are told apart. */
export const PROVIDER_INPUT_NANO_USD = 500n;
export const PROVIDER_OUTPUT_NANO_USD = 600_000n;

export interface Usage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly cost: number;
}

/** The rate card: 1,000 nano-USD per input token, 1,000,000 per output token. */
export const placeholderOf = (usage: Usage): bigint =>
  BigInt(usage.prompt_tokens) * 1_000n + BigInt(usage.completion_tokens) * 1_000_000n;

export const billedPlugin = createOpenAICompatiblePlugin({
  id: PROVIDER,
  displayName: 'vLLM with a billing API',
  baseUrl: 'http://127.0.0.1:9',
  apiKeyEnvVars: ['BILLED_VLLM_API_KEY'],
  apiKeyRequired: true,
  models: [{ hfModelId: HF_MODEL, providerModelId: HF_MODEL, task: 'conversational', status: 'live' }],
  rates: {
    asOf: '2026-12-03',
    sourceUrl: 'https://vllm.example.internal/prices',
    currency: 'USD',
    models: { [HF_MODEL]: { inputPerMillionTokens: '1', outputPerMillionTokens: '1000' } },
  },
  billingApi: { url: '/billing/requests', requestIdHeader: 'Inference-Id' },
});

/** Simulator options serving the billed provider, with its billing API. */
export const billedSimulator: SimulatorOptions = {
  profiles: [{ ...openAICompatibleProfile, id: PROVIDER }],
  billingApi: {
    [PROVIDER]: {
      inputNanoUsdPerToken: PROVIDER_INPUT_NANO_USD,
      outputNanoUsdPerToken: PROVIDER_OUTPUT_NANO_USD,
    },
  },
};

/** Polls `probe` until it gives a value (conditions, never wall-clock assertions). */
export async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
