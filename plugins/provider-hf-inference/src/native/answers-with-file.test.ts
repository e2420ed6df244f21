import { describe, expect, it } from 'vitest';
import { answersWithFile } from './answers-with-file.js';

describe('answersWithFile', () => {
  it("is true for the plugin's text-to-image models and false for JSON pipelines", () => {
    expect(answersWithFile('black-forest-labs/FLUX.1-schnell')).toBe(true);
    expect(answersWithFile('stabilityai/stable-diffusion-xl-base-1.0')).toBe(true);
    expect(answersWithFile('facebook/detr-resnet-50')).toBe(false);
    expect(answersWithFile('mattmdjaga/segformer_b2_clothes')).toBe(false);
  });

  it('reads audio answers as files too, and a model the list does not know as JSON', () => {
    const models = [
      { hfModelId: 'a/tts', providerModelId: 'a/tts', task: 'text-to-speech', status: 'live' },
    ] as const;
    expect(answersWithFile('a/tts', models)).toBe(true);
    expect(answersWithFile('someone/unknown', models)).toBe(false);
  });
});
