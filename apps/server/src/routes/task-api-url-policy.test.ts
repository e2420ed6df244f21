/** Provider-returned media URLs are fetched only when the kernel's URL policy allows them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import { postJson } from './task-api.test-helpers.js';

describe('the task API under a URL policy that does not allow the simulator', () => {
  let test: TestGateway;
  beforeAll(async () => {
    // No `urlPolicy`: the simulator's loopback media URLs are private addresses, as a provider's could be.
    test = await startTestGateway({
      plugins: TASK_PLUGINS,
      config: { upstream: { headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000 } },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('hands a loopback image URL on untouched, but refuses to fetch it for b64_json', async () => {
    const body = { model: 'black-forest-labs/FLUX.1-schnell:replicate', prompt: 'A quay' };
    const asUrl = await postJson(test, '/v1/images/generations', body);
    expect(asUrl.status).toBe(200);
    const url = ((await asUrl.json()) as { data: { url: string }[] }).data[0]!.url;
    expect(url.startsWith(test.simulator.url)).toBe(true);

    const mediaFetches = () => test.simulator.calls.filter((call) => call.providerId === '__media').length;
    const before = mediaFetches();
    const asBase64 = await postJson(test, '/v1/images/generations', { ...body, response_format: 'b64_json' });
    expect(asBase64.status).toBe(502);
    expect(asBase64.headers.get('x-inference-provider')).toBe('replicate');
    const { error } = (await asBase64.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('upstream_invalid_output');
    expect(error.message).toMatch(/^Refusing to fetch http:\/\/127\.0\.0\.1:\d+ returned by replicate: /);
    expect(mediaFetches()).toBe(before);
  });

  it('refuses to fetch speech that a provider left at a loopback URL', async () => {
    const response = await postJson(test, '/v1/audio/speech', {
      model: 'hexgrad/Kokoro-82M:fal-ai',
      input: 'Hi',
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('x-inference-provider')).toBe('fal-ai');
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'a private, loopback or link-local address',
    );
  });
});
