import { describe, expect, it } from 'vitest';
import { binaryInputBody } from './binary-input-body.js';

const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
const image = { kind: 'bytes' as const, bytes, contentType: 'image/jpeg' };

describe('binaryInputBody', () => {
  it('sends the raw file with its own type when there are no parameters', () => {
    expect(binaryInputBody(image, undefined)).toEqual({
      kind: 'bytes',
      value: bytes,
      contentType: 'image/jpeg',
    });
    expect(binaryInputBody(image, {})).toEqual({ kind: 'bytes', value: bytes, contentType: 'image/jpeg' });
    expect(binaryInputBody(image, { top_k: undefined })).toMatchObject({ kind: 'bytes' });
  });

  it('switches to base64 JSON to carry parameters', () => {
    expect(binaryInputBody(image, { top_k: 2 })).toEqual({
      kind: 'json',
      value: { inputs: '/9j/4A==', parameters: { top_k: 2 } },
    });
  });
});
