import { describe, expect, it } from 'vitest';
import { clientRequestIdOf, newRequestId } from './request-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newRequestId', () => {
  it('mints a UUIDv7', () => {
    expect(newRequestId()).toMatch(UUID_V7);
  });

  it('mints distinct ids, those of a later millisecond after those of an earlier one', async () => {
    const first = Array.from({ length: 1000 }, () => newRequestId());
    await new Promise((resolve) => setTimeout(resolve, 2));
    const later = Array.from({ length: 1000 }, () => newRequestId());
    expect(new Set([...first, ...later]).size).toBe(2000);
    const latestFirst = [...first].sort().at(-1)!;
    for (const id of later) expect(id > latestFirst).toBe(true);
  });
});

describe('clientRequestIdOf', () => {
  it('keeps a sane incoming x-request-id', () => {
    expect(clientRequestIdOf({ 'x-request-id': 'Root=1-67891233-abcdef012345678912345678' })).toBe(
      'Root=1-67891233-abcdef012345678912345678',
    );
  });

  it.each([['has spaces'], ['line\nbreak'], ['x'.repeat(129)], ['']])('drops an unsafe id %j', (incoming) => {
    expect(clientRequestIdOf({ 'x-request-id': incoming })).toBeUndefined();
  });

  it('has none when the client sent none', () => {
    expect(clientRequestIdOf({})).toBeUndefined();
  });
});
