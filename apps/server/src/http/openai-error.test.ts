import { CircuitOpenError, MasterKeyError } from '@tollgate/core';
import {
  AuthError,
  InputError,
  InsufficientCreditError,
  PluginDefinitionError,
  RoutingError,
  UpstreamApiError,
} from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { openAiErrorFor } from './openai-error.js';

describe('openAiErrorFor', () => {
  it('keeps the status, type, code and param of gateway errors', () => {
    expect(openAiErrorFor(new RoutingError({ message: 'no such provider' }))).toEqual({
      status: 400,
      body: {
        error: {
          message: 'no such provider',
          type: 'invalid_request_error',
          code: 'model_not_supported',
          param: 'model',
        },
      },
      internal: false,
    });
    expect(openAiErrorFor(new AuthError({ message: 'who are you' })).status).toBe(401);
    expect(openAiErrorFor(new InsufficientCreditError({ message: 'pay up' })).body.error.type).toBe(
      'insufficient_quota',
    );
    expect(openAiErrorFor(new InputError({ message: 'bad', param: 'messages' })).body.error.param).toBe(
      'messages',
    );
  });

  it("keeps the master key's operator detail out of the body and asks for it to be logged", () => {
    const answer = openAiErrorFor(
      new MasterKeyError(
        "The stored 'groq' key of account 'u-1' was sealed with master key mk-1, but TOLLGATE_MASTER_KEY is mk-2",
      ),
    );
    expect(answer).toMatchObject({
      status: 500,
      internal: true,
      body: { error: { code: 'master_key_error' } },
    });
    expect(answer.body.error.message).toContain('misconfigured');
    expect(answer.body.error.message).not.toMatch(/TOLLGATE_MASTER_KEY|mk-1|u-1/);
  });

  it('passes a provider 429 through and turns a provider 500 into 502', () => {
    const limited = openAiErrorFor(
      new UpstreamApiError({ message: 'slow down', providerId: 'groq', upstreamStatus: 429 }),
    );
    expect(limited.status).toBe(429);
    const broken = openAiErrorFor(
      new UpstreamApiError({ message: 'oops', providerId: 'groq', upstreamStatus: 500 }),
    );
    expect(broken).toMatchObject({
      status: 502,
      body: { error: { type: 'upstream_error', code: 'upstream_500' } },
    });
  });

  it('never answers 503 for a provider failure or an open circuit', () => {
    const overloaded = new UpstreamApiError({ message: 'busy', providerId: 'groq', upstreamStatus: 503 });
    expect(openAiErrorFor(overloaded)).toMatchObject({ status: 502, internal: false });
    const paused = new CircuitOpenError({ message: 'paused', providerId: 'groq', retryInMs: 1_000 });
    expect(openAiErrorFor(paused)).toMatchObject({
      status: 502,
      body: { error: { type: 'upstream_error', code: 'provider_circuit_open' } },
      internal: false,
    });
  });

  it('treats server_error gateway errors as internal, for the log', () => {
    expect(openAiErrorFor(new PluginDefinitionError({ message: 'broken plugin' })).internal).toBe(true);
  });

  it('names the field a closed schema does not allow', () => {
    const error = Object.assign(new Error('body must NOT have additional properties'), {
      statusCode: 400,
      code: 'FST_ERR_VALIDATION',
      validation: [{ instancePath: '', params: { additionalProperty: 'stream' } }],
    });
    expect(openAiErrorFor(error).body.error).toMatchObject({
      message: "body must NOT have additional properties: 'stream'",
      param: 'stream',
    });
  });

  it('maps a schema validation failure to 400 naming the parameter', () => {
    const error = Object.assign(new Error("body must have required property 'messages'"), {
      statusCode: 400,
      code: 'FST_ERR_VALIDATION',
      validation: [{ instancePath: '', params: { missingProperty: 'messages' } }],
    });
    expect(openAiErrorFor(error)).toEqual({
      status: 400,
      body: {
        error: {
          message: "body must have required property 'messages'",
          type: 'invalid_request_error',
          code: 'invalid_request',
          param: 'messages',
        },
      },
      internal: false,
    });
  });

  it('maps body-parser failures to their 4xx status', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(openAiErrorFor(tooLarge)).toMatchObject({
      status: 413,
      body: { error: { code: 'request_too_large' } },
    });
    const badJson = Object.assign(new Error('x'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(openAiErrorFor(badJson)).toMatchObject({
      status: 400,
      body: { error: { message: 'The request body is not valid JSON.', code: 'invalid_json' } },
    });
  });

  it('hides the details of anything else behind a generic 500', () => {
    const response = openAiErrorFor(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(response).toEqual({
      status: 500,
      body: {
        error: {
          message: 'The server had an error while processing your request.',
          type: 'server_error',
          code: 'internal_error',
          param: null,
        },
      },
      internal: true,
    });
  });

  it('does not trust a status code on a foreign error', () => {
    const foreign = Object.assign(new Error('teapot'), { statusCode: 418, code: 'SOMETHING' });
    expect(openAiErrorFor(foreign).status).toBe(500);
  });
});
