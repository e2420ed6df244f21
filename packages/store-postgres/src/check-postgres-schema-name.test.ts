import { describe, expect, it } from 'vitest';
import { checkPostgresSchemaName } from './check-postgres-schema-name.js';

describe('checkPostgresSchemaName', () => {
  it('accepts plain lower-case identifiers up to 63 characters', () => {
    for (const name of ['tollgate', '_private', 'tenant_42', 'a'.repeat(63)]) {
      expect(checkPostgresSchemaName(name)).toBe(name);
    }
  });

  it('refuses names that would need quoting, reserved pg_ names and overlong ones', () => {
    for (const name of [
      '',
      'Tollgate',
      '42tenant',
      'tenant-a',
      'a b',
      'x"; DROP SCHEMA public; --',
      'pg_temp',
    ]) {
      expect(() => checkPostgresSchemaName(name)).toThrow(/is not allowed: use lower-case letters/);
    }
    expect(() => checkPostgresSchemaName('a'.repeat(64))).toThrow(/is not allowed/);
  });
});
