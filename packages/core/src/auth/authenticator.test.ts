import { AuthError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { TokenRecord, TokenRepository } from '../store/token-repository.js';
import { generateAccessToken, hashAccessToken } from './access-token.js';
import { Authenticator } from './authenticator.js';
import { assertMayCallInferenceProviders } from './token-permission.js';
import { TokenService } from './token-service.js';

function memoryTokens() {
  const records: TokenRecord[] = [];
  let lookups = 0;
  const user = { id: 'user-1', name: 'ada', isAdmin: false, createdAt: '2026-11-01T00:00:00.000Z' };
  const repository: TokenRepository = {
    async insert(record) {
      const stored = { ...record, revokedAt: null };
      records.push(stored);
      return stored;
    },
    async findActiveByHash(hash) {
      lookups += 1;
      const token = records.find((record) => record.secretHash === hash && record.revokedAt === null);
      return token ? { token, user } : undefined;
    },
    async listForUser(userId) {
      return records.filter((record) => record.userId === userId);
    },
    async revoke(id) {
      const index = records.findIndex((record) => record.id === id && record.revokedAt === null);
      if (index === -1) return false;
      records[index] = { ...records[index]!, revokedAt: new Date().toISOString() };
      return true;
    },
  };
  return { repository, lookups: () => lookups };
}

describe('access tokens', () => {
  it('look like Hugging Face tokens and are stored only as a hash', async () => {
    const token = generateAccessToken();
    expect(token).toMatch(/^hf_[A-Za-z]{34}$/);
    expect(generateAccessToken()).not.toBe(token);
    const { repository } = memoryTokens();
    const issued = await new TokenService(repository).issue('user-1', 'laptop');
    expect(issued.record.secretHash).toBe(hashAccessToken(issued.token));
    expect(JSON.stringify(issued.record)).not.toContain(issued.token);
    expect(issued.record.displayPrefix).toBe(issued.token.slice(0, 7));
  });
});

describe('Authenticator', () => {
  it('resolves a live token to its principal and caches the lookup', async () => {
    const store = memoryTokens();
    const { token, record } = await new TokenService(store.repository).issue('user-1');
    const authenticator = new Authenticator(store.repository);
    const principal = await authenticator.authenticate(`Bearer ${token}`);
    expect(principal).toEqual({
      userId: 'user-1',
      userName: 'ada',
      tokenId: record.id,
      permissions: ['inference.serverless.write'],
    });
    await authenticator.authenticate(`bearer ${token}`);
    expect(store.lookups()).toBe(1);
  });

  it('rejects a missing header, a non-hf token and an unknown token with 401', async () => {
    const authenticator = new Authenticator(memoryTokens().repository);
    for (const header of [undefined, '', 'Basic abc', 'Bearer sk-123', `Bearer ${generateAccessToken()}`]) {
      const error = await authenticator.authenticate(header).catch((caught: unknown) => caught);
      expect(AuthError.isInstance(error)).toBe(true);
      expect((error as AuthError).status).toBe(401);
    }
    await expect(authenticator.authenticate(undefined)).rejects.toThrow(/You must provide an access token/);
  });

  it('stops accepting a revoked token once its cache entry expires', async () => {
    const store = memoryTokens();
    const { token, record } = await new TokenService(store.repository).issue('user-1');
    let now = 0;
    const authenticator = new Authenticator(store.repository, { cacheTtlMs: 1000, now: () => now });
    await authenticator.authenticate(`Bearer ${token}`);
    await store.repository.revoke(record.id);
    await expect(authenticator.authenticate(`Bearer ${token}`)).resolves.toBeDefined();
    now = 1001;
    await expect(authenticator.authenticate(`Bearer ${token}`)).rejects.toThrow(/unknown or was revoked/);
  });
});

describe('token permissions', () => {
  it('lets a token issued with every permission call inference providers, and refuses one issued without', async () => {
    const store = memoryTokens();
    const service = new TokenService(store.repository);
    const authenticator = new Authenticator(store.repository);
    const full = await service.issue('user-1', 'laptop');
    const limited = await service.issue('user-1', 'ci', { permissions: [] });

    const fullPrincipal = await authenticator.authenticate(`Bearer ${full.token}`);
    const limitedPrincipal = await authenticator.authenticate(`Bearer ${limited.token}`);

    expect(() => assertMayCallInferenceProviders(fullPrincipal)).not.toThrow();
    const error = (() => {
      try {
        assertMayCallInferenceProviders(limitedPrincipal);
      } catch (caught) {
        return caught;
      }
    })();
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, code: 'token_permission_required' });
    expect((error as Error).message).toMatch(/inference\.serverless\.write/);
  });

  it('refuses to issue a token with a permission it does not know', async () => {
    const service = new TokenService(memoryTokens().repository);

    await expect(service.issue('user-1', 'x', { permissions: ['repo.write'] })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_permission',
    });
  });
});
