import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { assertValidOrganizationName } from './organization-name.js';

describe('assertValidOrganizationName', () => {
  it.each(['fal', 'togethercomputer', 'CohereLabs', 'hf-inference', 'zai-org', 'a.b_c'])(
    'accepts %s',
    (name) => {
      expect(() => assertValidOrganizationName(name)).not.toThrow();
    },
  );

  it.each(['', '-fal', 'fal-', 'fal ai', 'fal/ai', 'a'.repeat(65)])('rejects %j', (name) => {
    try {
      assertValidOrganizationName(name);
      expect.unreachable();
    } catch (error) {
      expect(InputError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 400, code: 'invalid_organization_name' });
    }
  });
});
