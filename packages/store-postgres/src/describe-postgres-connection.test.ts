import { describe, expect, it } from 'vitest';
import { describePostgresConnection } from './describe-postgres-connection.js';

describe('describePostgresConnection', () => {
  it('names host, port and database, and never the user or password', () => {
    const description = describePostgresConnection('postgresql://tollgate:s3cret@db.internal:6432/gateway');

    expect(description).toBe('postgres://db.internal:6432/gateway');
    expect(description).not.toContain('s3cret');
    expect(description).not.toContain('tollgate');
  });

  it('leaves out query parameters, which may carry a password too', () => {
    expect(describePostgresConnection('postgres://db/gateway?password=s3cret&application_name=gateway')).toBe(
      'postgres://db:5432/gateway',
    );
  });

  it('fills in the default port, and the database PostgreSQL would pick when none is named', () => {
    expect(describePostgresConnection('postgres://ada@127.0.0.1')).toBe('postgres://127.0.0.1:5432/ada');
    expect(describePostgresConnection('postgres://127.0.0.1/')).toBe('postgres://127.0.0.1:5432/postgres');
  });

  it('brackets an IPv6 host and percent-encodes a Unix socket directory', () => {
    expect(describePostgresConnection('postgres://[::1]:5433/test')).toBe('postgres://[::1]:5433/test');
    expect(describePostgresConnection('postgres:///test?host=/var/run/postgresql')).toBe(
      'postgres://%2Fvar%2Frun%2Fpostgresql:5432/test',
    );
  });

  it('adds the schema when the store is confined to one', () => {
    expect(describePostgresConnection('postgres://db/gateway', 'tollgate')).toBe(
      'postgres://db:5432/gateway (schema tollgate)',
    );
  });
});
