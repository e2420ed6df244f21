import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { imageToVideoBody, textToVideoBody } from './map-video-bodies.js';

describe('textToVideoBody', () => {
  it('maps the prompt, size, length and sampling parameters', () => {
    expect(
      textToVideoBody({
        inputs: 'A fox in the snow',
        parameters: {
          width: 832,
          height: 480,
          duration_seconds: 10,
          num_inference_steps: 30,
          guidance_scale: 5,
          seed: -1,
          negative_prompt: 'blur',
        },
      }),
    ).toMatchInlineSnapshot(`
      {
        "duration": 10,
        "guidance_scale": 5,
        "negative_prompt": "blur",
        "num_inference_steps": 30,
        "prompt": "A fox in the snow",
        "seed": -1,
        "size": "832*480",
      }
    `);
  });

  it('passes an aspect ratio through for the models that take one', () => {
    expect(textToVideoBody({ inputs: 'x', parameters: { aspect_ratio: '16:9' } })).toEqual({
      prompt: 'x',
      aspect_ratio: '16:9',
    });
  });

  it('refuses a frame count and a fractional length, which WaveSpeed cannot take', () => {
    expect(() => textToVideoBody({ inputs: 'x', parameters: { num_frames: 81 } })).toThrowError(/seconds/);
    expect(() => textToVideoBody({ inputs: 'x', parameters: { duration_seconds: 4.5 } })).toThrowError(
      InputError,
    );
    expect(() => textToVideoBody({ inputs: '  ' })).toThrowError(InputError);
  });
});

describe('imageToVideoBody', () => {
  it('sends the first frame in image and images, with the optional prompt', () => {
    expect(
      imageToVideoBody({
        inputs: { kind: 'url', url: 'data:image/png;base64,AAAA' },
        parameters: { prompt: 'It runs', duration_seconds: 8 },
      }),
    ).toEqual({ image: 'AAAA', images: ['AAAA'], prompt: 'It runs', duration: 8 });
  });
});
