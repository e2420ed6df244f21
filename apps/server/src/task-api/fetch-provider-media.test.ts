import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamApiError, UpstreamOutputError } from '@tollgate/provider-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviderMediaFetcher } from './fetch-provider-media.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('createProviderMediaFetcher', () => {
  let server: Server;
  let origin: string;
  const requests: { url: string; authorization: string | undefined }[] = [];
  const signal = new AbortController().signal;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
      if (request.url === '/image.png') {
        response.writeHead(200, { 'content-type': 'image/png; charset=binary' });
        response.end(png);
      } else if (request.url === '/hop') {
        response.writeHead(302, { location: '/image.png' });
        response.end();
      } else if (request.url === '/to-metadata') {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
        response.end();
      } else if (request.url === '/loop') {
        response.writeHead(302, { location: '/loop' });
        response.end();
      } else if (request.url === '/big') {
        response.writeHead(200, { 'content-type': 'image/png' });
        response.write(new Uint8Array(600));
        response.end(new Uint8Array(600));
      } else {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ detail: 'File not found' }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const allowed = () => createProviderMediaFetcher({ upstream: { urlPolicy: { allowedOrigins: [origin] } } });

  it('fetches an allowed URL without credentials and states its media type', async () => {
    const media = await allowed()({ url: `${origin}/image.png`, providerId: 'fal-ai', signal });
    expect(media).toEqual({ bytes: png, contentType: 'image/png' });
    expect(requests.at(-1)).toEqual({ url: '/image.png', authorization: undefined });
  });

  it('follows a redirect within the policy, and refuses one that leaves it', async () => {
    const media = await allowed()({ url: `${origin}/hop`, providerId: 'fal-ai', signal });
    expect(media.bytes).toEqual(png);
    const refused = await allowed()({ url: `${origin}/to-metadata`, providerId: 'fal-ai', signal }).catch(
      (error: unknown) => error,
    );
    expect(UpstreamOutputError.isInstance(refused)).toBe(true);
    expect((refused as Error).message).toBe(
      'Refusing to fetch http://169.254.169.254 returned by fal-ai: 169.254.169.254 is a private, loopback or link-local address',
    );
    const looping = await allowed()({ url: `${origin}/loop`, providerId: 'fal-ai', signal }).catch(
      (error: unknown) => error,
    );
    expect(UpstreamApiError.isInstance(looping)).toBe(true);
    expect((looping as UpstreamApiError).upstreamStatus).toBe(302);
  });

  it('refuses a loopback URL the policy does not allow, before any request', async () => {
    const before = requests.length;
    const fetchMedia = createProviderMediaFetcher({ upstream: {} });
    const error = await fetchMedia({ url: `${origin}/image.png`, providerId: 'replicate', signal }).catch(
      (caught: unknown) => caught,
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
    expect(requests.length).toBe(before);
  });

  it("turns an error status into the provider's API error", async () => {
    const error = await allowed()({ url: `${origin}/gone.png`, providerId: 'fal-ai', signal }).catch(
      (caught: unknown) => caught,
    );
    expect(UpstreamApiError.isInstance(error)).toBe(true);
    expect((error as UpstreamApiError).upstreamStatus).toBe(404);
    expect((error as Error).message).toContain('File not found');
  });

  it('stops reading past the size limit', async () => {
    const fetchMedia = createProviderMediaFetcher({
      upstream: { urlPolicy: { allowedOrigins: [origin] } },
      limitBytes: 1_000,
    });
    const error = await fetchMedia({ url: `${origin}/big`, providerId: 'fal-ai', signal }).catch(
      (caught: unknown) => caught,
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'fal-ai returned a media file larger than 1000 bytes, the most this gateway relays',
    );
  });

  it('decodes a data: URL without any network', async () => {
    const before = requests.length;
    const url = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    const media = await createProviderMediaFetcher({ upstream: {} })({
      url,
      providerId: 'hf-inference',
      signal,
    });
    expect(media).toEqual({ bytes: png, contentType: 'image/png' });
    expect(requests.length).toBe(before);
  });

  it('names an unusable URL as a provider output error', async () => {
    const error = await allowed()({ url: 'not a url', providerId: 'wavespeed', signal }).catch(
      (caught: unknown) => caught,
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('wavespeed returned an unusable URL: not a url');
  });
});
