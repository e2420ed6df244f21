import { InputError, UpstreamApiError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { isProviderAnswer, isProviderFault } from './provider-fault.js';

const upstream = (options: Partial<ConstructorParameters<typeof UpstreamApiError>[0]>) =>
  new UpstreamApiError({ message: 'x', providerId: 'groq', ...options });

describe('isProviderFault', () => {
  it.each([
    ['a connection error', upstream({ reason: 'connection' })],
    ['a timeout', upstream({ reason: 'timeout' })],
    ['a 429', upstream({ upstreamStatus: 429 })],
    ['a 500', upstream({ upstreamStatus: 500 })],
    ['a 503', upstream({ upstreamStatus: 503 })],
    ['an answer that breaks the API', new UpstreamOutputError({ message: 'x', providerId: 'groq' })],
  ])('counts %s', (_name, error) => {
    expect(isProviderFault(error)).toBe(true);
    expect(isProviderAnswer(error)).toBe(false);
  });

  it.each([
    ['a 400', upstream({ upstreamStatus: 400 })],
    ['a 422', upstream({ upstreamStatus: 422 })],
    ['a 408', upstream({ upstreamStatus: 408 })],
  ])('leaves out %s, which is an answer', (_name, error) => {
    expect(isProviderFault(error)).toBe(false);
    expect(isProviderAnswer(error)).toBe(true);
  });

  it.each([
    ['a client abort', upstream({ reason: 'aborted' })],
    ['a failed queued job', upstream({ isRetryable: false })],
    ['a 503 the plugin marked final', upstream({ upstreamStatus: 503, isRetryable: false })],
    ['an input error', new InputError({ message: 'x' })],
    ['anything else', new Error('x')],
  ])('leaves out %s', (_name, error) => {
    expect(isProviderFault(error)).toBe(false);
  });
});
