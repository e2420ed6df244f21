import { inflateSync } from 'node:zlib';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture, tinyPng } from '../fixtures.test-helpers.js';
import { imageSegmentationHandler } from './image-segmentation-handler.js';

const context = contextFor('mattmdjaga/segformer_b2_clothes');
const image = { kind: 'bytes' as const, bytes: tinyPng(), contentType: 'image/png' };

/** Width, height and the inflated rows of a greyscale PNG with one IDAT chunk. */
function readPng(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const idatLength = buffer.readUInt32BE(33);
  const rows = inflateSync(buffer.subarray(41, 41 + idatLength));
  return { width, height, rows };
}

describe('image-segmentation on hf-inference', () => {
  it('posts the raw image, or base64 JSON with parameters', () => {
    expect(imageSegmentationHandler.mapRequest({ input: { inputs: image }, context })).toMatchObject({
      path: '/models/mattmdjaga/segformer_b2_clothes',
      body: { kind: 'bytes', contentType: 'image/png' },
    });
    expect(
      imageSegmentationHandler.mapRequest({
        input: { inputs: image, parameters: { subtask: 'semantic' } },
        context,
      }).body,
    ).toMatchObject({ kind: 'json', value: { parameters: { subtask: 'semantic' } } });
  });

  it('decodes each base64 mask into PNG bytes a client can open', () => {
    const result = imageSegmentationHandler.mapResponse({
      input: { inputs: image },
      response: fixture('image-segmentation'),
      context,
    });
    expect(result.output.map((segment) => segment.label)).toEqual(['Background', 'Upper-clothes']);
    // Semantic segmentation answers score: null, which the public shape leaves out.
    expect(result.output[0]).not.toHaveProperty('score');
    const mask = result.output[0]?.mask;
    expect(mask).toMatchObject({ kind: 'bytes', contentType: 'image/png' });
    const png = readPng((mask as { bytes: Uint8Array }).bytes);
    expect([png.width, png.height]).toEqual([4, 4]);
    expect([...png.rows.subarray(0, 5)]).toEqual([0, 255, 255, 0, 0]);
    expect(result.usage).toEqual({ computeMilliseconds: 512 });
  });

  it('refuses a mask that is not base64', () => {
    expect(() =>
      imageSegmentationHandler.mapResponse({
        input: { inputs: image },
        response: { status: 200, headers: {}, body: [{ label: 'cat', score: 0.9, mask: '%%%' }] },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
