import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { imageToImageBody, textToImageBody } from './map-image-bodies.js';

describe('textToImageBody', () => {
  it("maps the prompt and parameters to WaveSpeed's fields, with the size as one W*H string", () => {
    expect(
      textToImageBody({
        inputs: 'A lighthouse at dawn',
        parameters: {
          width: 1024,
          height: 768,
          num_inference_steps: 28,
          guidance_scale: 3.5,
          seed: 42,
          negative_prompt: 'fog',
          num_images: 2,
        },
      }),
    ).toMatchInlineSnapshot(`
      {
        "guidance_scale": 3.5,
        "negative_prompt": "fog",
        "num_images": 2,
        "num_inference_steps": 28,
        "prompt": "A lighthouse at dawn",
        "seed": 42,
        "size": "1024*768",
      }
    `);
  });

  it('sends only the prompt when nothing else was asked for, so WaveSpeed applies its defaults', () => {
    expect(textToImageBody({ inputs: 'A lighthouse' })).toEqual({ prompt: 'A lighthouse' });
  });

  it('refuses an empty prompt, half a size and an image count below one', () => {
    const cases = [
      { inputs: '' },
      { inputs: 'x', parameters: { width: 512 } },
      { inputs: 'x', parameters: { num_images: 0 } },
    ];
    for (const input of cases) {
      expect(() => textToImageBody(input), JSON.stringify(input)).toThrowError(InputError);
    }
  });
});

describe('imageToImageBody', () => {
  it('puts the image in image and images and prefers target_size for the output size', () => {
    expect(
      imageToImageBody({
        inputs: { kind: 'bytes', bytes: new Uint8Array([1, 2, 3]), contentType: 'image/png' },
        parameters: {
          prompt: 'Make it snow',
          strength: 0.6,
          width: 512,
          height: 512,
          target_size: { width: 768, height: 1024 },
        },
      }),
    ).toEqual({
      image: 'AQID',
      images: ['AQID'],
      prompt: 'Make it snow',
      size: '768*1024',
      strength: 0.6,
    });
  });

  it('uses width and height when there is no target size', () => {
    const body = imageToImageBody({
      inputs: { kind: 'url', url: 'https://example.com/cat.png' },
      parameters: { width: 640, height: 480 },
    });
    expect(body).toEqual({
      image: 'https://example.com/cat.png',
      images: ['https://example.com/cat.png'],
      size: '640*480',
    });
  });
});
