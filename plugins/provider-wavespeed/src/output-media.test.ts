import { describe, expect, it } from 'vitest';
import { outputMedia } from './output-media.js';

describe('outputMedia', () => {
  it('reads the content type from the file extension WaveSpeed wrote', () => {
    expect(outputMedia('https://cdn.example/p/1.jpeg')).toEqual({
      kind: 'url',
      url: 'https://cdn.example/p/1.jpeg',
      contentType: 'image/jpeg',
    });
    expect(outputMedia('https://cdn.example/p/output.MP4?sig=1').contentType).toBe('video/mp4');
  });

  it('leaves the type out when the extension says nothing', () => {
    expect(outputMedia('https://cdn.example/p/output')).toEqual({
      kind: 'url',
      url: 'https://cdn.example/p/output',
    });
  });
});
