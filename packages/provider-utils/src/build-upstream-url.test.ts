import type { UpstreamRequestV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { buildUpstreamUrl } from './build-upstream-url.js';

const request = (overrides: Partial<UpstreamRequestV1> = {}): UpstreamRequestV1 => ({
  method: 'POST',
  path: '/v1/chat/completions',
  body: { kind: 'none' },
  expect: 'json',
  ...overrides,
});

describe('buildUpstreamUrl', () => {
  it('appends the path to the base URL, with or without a trailing slash', () => {
    expect(buildUpstreamUrl('https://api.together.xyz', request()).href).toBe(
      'https://api.together.xyz/v1/chat/completions',
    );
    expect(buildUpstreamUrl('https://api.together.xyz/', request()).href).toBe(
      'https://api.together.xyz/v1/chat/completions',
    );
  });

  it('keeps a path prefix in the base URL instead of resolving the path against the host', () => {
    const url = buildUpstreamUrl('https://router.example/together/', request());
    expect(url.href).toBe('https://router.example/together/v1/chat/completions');
  });

  it('tolerates a path without a leading slash', () => {
    expect(buildUpstreamUrl('https://api.groq.com', request({ path: 'openai/v1/models' })).pathname).toBe(
      '/openai/v1/models',
    );
  });

  it('appends query parameters, escaped', () => {
    const url = buildUpstreamUrl(
      'https://router.huggingface.co/fal-ai',
      request({ path: '/fal-ai/flux', query: { _subdomain: 'queue', q: 'a b&c' } }),
    );
    expect(url.search).toBe('?_subdomain=queue&q=a+b%26c');
  });

  it("turns _subdomain into a sub-host of a bare provider host, as Hugging Face's router does", () => {
    const url = buildUpstreamUrl(
      'https://fal.run/',
      request({ path: '/fal-ai/flux/dev', query: { _subdomain: 'queue', q: '1' } }),
    );
    expect(url.href).toBe('https://queue.fal.run/fal-ai/flux/dev?q=1');
  });

  it('keeps _subdomain as a parameter behind a router, a simulator or an IP address', () => {
    const queued = request({ path: '/fal-ai/flux/dev', query: { _subdomain: 'queue' } });
    expect(buildUpstreamUrl('https://router.huggingface.co/fal-ai', queued).href).toBe(
      'https://router.huggingface.co/fal-ai/fal-ai/flux/dev?_subdomain=queue',
    );
    expect(buildUpstreamUrl('http://127.0.0.1:4010/fal-ai', queued).href).toBe(
      'http://127.0.0.1:4010/fal-ai/fal-ai/flux/dev?_subdomain=queue',
    );
    expect(buildUpstreamUrl('http://127.0.0.1:4010', queued).href).toBe(
      'http://127.0.0.1:4010/fal-ai/flux/dev?_subdomain=queue',
    );
    expect(buildUpstreamUrl('http://localhost:4010', queued).host).toBe('localhost:4010');
  });

  it('rejects a _subdomain that is not a host name label', () => {
    expect(() =>
      buildUpstreamUrl('https://fal.run', request({ query: { _subdomain: 'evil.example/x' } })),
    ).toThrow(/host name label/);
  });

  it('uses the absolute URL instead of base and path, keeping its own query', () => {
    const url = buildUpstreamUrl(
      'https://queue.fal.run',
      request({
        absoluteUrl: 'https://queue.fal.run/fal-ai/flux/requests/42/status?x=1',
        query: { logs: '1' },
      }),
    );
    expect(url.href).toBe('https://queue.fal.run/fal-ai/flux/requests/42/status?x=1&logs=1');
  });

  it('rejects URLs that are not http(s)', () => {
    expect(() =>
      buildUpstreamUrl('https://api.example', request({ absoluteUrl: 'file:///etc/passwd' })),
    ).toThrow(TypeError);
    expect(() => buildUpstreamUrl('ftp://api.example', request())).toThrow(/http\(s\)/);
    expect(() => buildUpstreamUrl('not a url', request())).toThrow(TypeError);
  });
});
