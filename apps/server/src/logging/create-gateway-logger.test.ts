import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createGatewayLogger } from './create-gateway-logger.js';

function capture(): { destination: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { destination, lines, text };
}

describe('createGatewayLogger', () => {
  const secret = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh';

  it('redacts authorization headers, API keys and tokens wherever they appear', () => {
    const { destination, lines, text } = capture();
    const logger = createGatewayLogger({ destination });
    logger.info(
      { req: { headers: { authorization: `Bearer ${secret}`, 'x-api-key': secret, cookie: secret } } },
      'one',
    );
    logger.info({ provider: { apiKey: secret }, issued: { token: secret }, token: secret }, 'two');
    expect(text()).not.toContain(secret);
    expect(lines()[0]).toMatchObject({
      req: { headers: { authorization: '[redacted]', 'x-api-key': '[redacted]' } },
    });
    expect(lines()[1]).toMatchObject({ provider: { apiKey: '[redacted]' }, token: '[redacted]' });
  });

  it('redacts a provider key in a request body or beside the account it belongs to', () => {
    const { destination, text } = capture();
    const logger = createGatewayLogger({ destination });
    logger.info({ req: { body: { key: 'gsk_own_key_123456' } }, body: { key: 'gsk_own_key_123456' } }, 'one');
    logger.info({ account: { providerKey: 'gsk_own_key_123456' }, providerKey: 'gsk_own_key_123456' }, 'two');
    expect(text()).not.toContain('gsk_own_key_123456');
  });

  it('logs at the configured level', () => {
    const { destination, lines } = capture();
    const logger = createGatewayLogger({ level: 'warn', destination });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines().map((line) => line.msg)).toEqual(['loud']);
  });
});
