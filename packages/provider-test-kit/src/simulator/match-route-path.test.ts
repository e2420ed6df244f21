import { describe, expect, it } from 'vitest';
import { matchRoutePath } from './match-route-path.js';

describe('matchRoutePath', () => {
  it('matches literal paths exactly', () => {
    expect(matchRoutePath('/v1/images', '/v1/images')).toEqual({});
    expect(matchRoutePath('/v1/images', '/v1/images/x')).toBeUndefined();
    expect(matchRoutePath('/v1/images', '/v1/image')).toBeUndefined();
  });

  it('captures one non-empty, percent-decoded segment per :name', () => {
    expect(matchRoutePath('/v1/predictions/:id', '/v1/predictions/abc')).toEqual({ id: 'abc' });
    expect(matchRoutePath('/a/:x/b/:y', '/a/1/b/two%20words')).toEqual({ x: '1', y: 'two words' });
    expect(matchRoutePath('/v1/predictions/:id', '/v1/predictions/')).toBeUndefined();
    expect(matchRoutePath('/v1/predictions/:id', '/v1/predictions/a/b')).toBeUndefined();
  });

  it('captures the rest of the path, slashes included, with a final *', () => {
    expect(matchRoutePath('/models/*', '/models/black-forest-labs/flux-schnell/predictions')).toEqual({
      '*': 'black-forest-labs/flux-schnell/predictions',
    });
    expect(matchRoutePath('/*', '/fal-ai/flux/dev')).toEqual({ '*': 'fal-ai/flux/dev' });
    expect(matchRoutePath('/models/*', '/other/x')).toBeUndefined();
  });

  it('keeps a malformed escape as sent', () => {
    expect(matchRoutePath('/x/:id', '/x/%E0%A4%A')).toEqual({ id: '%E0%A4%A' });
  });
});
