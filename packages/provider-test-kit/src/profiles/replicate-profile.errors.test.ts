import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { createReplicateProfile } from './replicate-profile.js';
import { replicateCall } from './replicate-profile.test-helpers.js';

describe('replicate errors', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await createProviderSimulator({
      providers: ['replicate'],
      profiles: [createReplicateProfile()],
    });
  });
  afterAll(() => simulator.close());

  const create = (path: string, body: unknown, key?: string | null) =>
    replicateCall(simulator, 'POST', path, { body, prefer: 'wait', ...(key === undefined ? {} : { key }) });

  it('answers a missing or wrong token with problem details', async () => {
    const missing = await create(
      '/v1/models/black-forest-labs/flux-dev/predictions',
      { input: { prompt: 'x' } },
      null,
    );
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toEqual({
      title: 'Unauthenticated',
      detail: 'You did not pass an authentication token',
      status: 401,
    });
    const wrong = await create(
      '/v1/models/black-forest-labs/flux-dev/predictions',
      { input: { prompt: 'x' } },
      'r8_nope',
    );
    expect(await wrong.json()).toMatchObject({
      status: 401,
      detail: 'You did not pass a valid authentication token',
    });
  });

  it('refuses input the model schema does not allow with a 422 listing each field', async () => {
    const response = await create('/v1/models/black-forest-labs/flux-schnell/predictions', {
      input: { num_outputs: 9, aspect_ratio: '7:4' },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      title: string;
      detail: string;
      invalid_fields: { field: string }[];
    };
    expect(body.title).toBe('Input validation failed');
    expect(body.invalid_fields.map((field) => field.field)).toEqual([
      'input',
      'input.aspect_ratio',
      'input.num_outputs',
    ]);
    expect(body.detail).toContain('- input: prompt is required\n');
    const noInput = await create('/v1/models/black-forest-labs/flux-schnell/predictions', { prompt: 'x' });
    expect(await noInput.json()).toMatchObject({ status: 422, invalid_fields: [{ field: '(root)' }] });
  });

  it('answers an unknown model with 404 and an unknown version with 422', async () => {
    const model = await create('/v1/models/nobody/nothing/predictions', { input: { prompt: 'x' } });
    expect(model.status).toBe(404);
    expect(await model.json()).toMatchObject({ title: 'Not found', status: 404 });
    const version = await create('/v1/predictions', { version: 'deadbeef', input: { prompt: 'x' } });
    expect(version.status).toBe(422);
    expect(await version.json()).toMatchObject({ detail: expect.stringMatching(/version does not exist/) });
    const unversioned = await create('/v1/predictions', { input: { prompt: 'x' } });
    expect(await unversioned.json()).toMatchObject({
      status: 422,
      invalid_fields: [{ description: 'version is required' }],
    });
  });

  it('answers a prediction id it never made with 404', async () => {
    const response = await replicateCall(simulator, 'GET', '/v1/predictions/doesnotexist');
    expect(response.status).toBe(404);
  });

  it('sends its own body for an injected status, with Retry-After on 429', async () => {
    simulator.injectFault('replicate', { kind: 'status', status: 429, times: 1 });
    const throttled = await create('/v1/models/black-forest-labs/flux-dev/predictions', {
      input: { prompt: 'x' },
    });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(await throttled.json()).toMatchObject({ title: 'Request was throttled.', status: 429 });
    simulator.injectFault('replicate', { kind: 'status', status: 500, times: 1 });
    const broken = await create('/v1/models/black-forest-labs/flux-dev/predictions', {
      input: { prompt: 'x' },
    });
    expect(await broken.json()).toMatchObject({ title: 'Internal Server Error', status: 500 });
  });
});
