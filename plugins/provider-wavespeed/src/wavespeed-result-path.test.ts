import { describe, expect, it } from 'vitest';
import { wavespeedResultPath } from './wavespeed-result-path.js';

describe('wavespeedResultPath', () => {
  it('keeps the path of urls.get from /api/v3/ on', () => {
    expect(wavespeedResultPath('https://api.wavespeed.ai/api/v3/predictions/a1/result', 'a1')).toBe(
      '/api/v3/predictions/a1/result',
    );
  });

  it('drops a proxy prefix in front of /api/v3/, so the path fits any configured base URL', () => {
    expect(
      wavespeedResultPath('http://127.0.0.1:4010/wavespeed/api/v3/predictions/a1/result?x=1', 'a1'),
    ).toBe('/api/v3/predictions/a1/result?x=1');
  });

  it("falls back to WaveSpeed's documented result route", () => {
    expect(wavespeedResultPath(undefined, 'a 1')).toBe('/api/v3/predictions/a%201/result');
    expect(wavespeedResultPath('not a url', 'a1')).toBe('/api/v3/predictions/a1/result');
    expect(wavespeedResultPath('https://cdn.example/elsewhere', 'a1')).toBe('/api/v3/predictions/a1/result');
  });
});
