/** The task API as a sandbox gateway serves it: its OpenAPI document, and media under the sandbox's URL policy. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_CONFIG_DEFAULTS } from '../config/server-config.js';
import { type RunningGateway, startGateway } from '../start-gateway.js';
import { TASK_PLUGINS } from '../test-gateway.test-helpers.js';
import { pngSize } from './task-api.test-helpers.js';

interface OpenApiOperation {
  summary: string;
  description: string;
  requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

describe('the task API on a sandbox gateway', () => {
  let gateway: RunningGateway;
  let token: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-task-api-'));
    gateway = await startGateway(
      {
        ...SERVER_CONFIG_DEFAULTS,
        providers: {},
        port: 0,
        dataDir,
        root: dataDir,
        sandbox: true,
        logLevel: 'silent',
      },
      { plugins: TASK_PLUGINS, env: {} },
    );
    const user = await gateway.kernel.store.users.create({ name: 'sandboxer' });
    token = (await gateway.kernel.tokens.issue(user.id)).token;
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('documents the four routes with their request bodies and answers', async () => {
    const document = (await (await fetch(`${gateway.url}/openapi.json`)).json()) as {
      paths: Record<string, { post: OpenApiOperation }>;
    };
    const embeddings = document.paths['/v1/embeddings']!.post;
    expect(Object.keys(embeddings.requestBody.content['application/json']!.schema.properties)).toEqual(
      expect.arrayContaining(['model', 'input', 'dimensions', 'encoding_format']),
    );
    const images = document.paths['/v1/images/generations']!.post;
    expect(images.description).toContain('`data:` URL');
    expect(Object.keys(images.requestBody.content['application/json']!.schema.properties)).toEqual(
      expect.arrayContaining(['prompt', 'n', 'size', 'response_format', 'negative_prompt', 'seed']),
    );
    const transcriptions = document.paths['/v1/audio/transcriptions']!.post;
    expect(transcriptions.requestBody.content['multipart/form-data']!.schema.properties.file).toEqual(
      expect.objectContaining({ type: 'string', format: 'binary' }),
    );
    expect(Object.keys(transcriptions.responses['200']!.content!)).toEqual([
      'application/json',
      'text/plain',
    ]);
    const speech = document.paths['/v1/audio/speech']!.post;
    expect(Object.keys(speech.responses['200']!.content!)).toContain('audio/wav');
    expect(speech.responses['400']?.content ?? speech.responses['4XX']?.content).toBeDefined();
  });

  it("fetches a provider's image URL for b64_json, since the sandbox allows its simulator's origin", async () => {
    const response = await fetch(`${gateway.url}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'black-forest-labs/FLUX.1-schnell:replicate',
        prompt: 'A breakwater',
        response_format: 'b64_json',
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-tollgate-sandbox')).toBe('simulated');
    const { data } = (await response.json()) as { data: { b64_json: string }[] };
    expect(pngSize(new Uint8Array(Buffer.from(data[0]!.b64_json, 'base64'))).width).toBeGreaterThan(0);
  });
});
