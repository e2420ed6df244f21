import { describe, expect, it } from 'vitest';
import { forwardableHeaders } from './forwardable-headers.js';

describe('forwardableHeaders', () => {
  it("withholds every header that may carry the client's token, and the connection's own", () => {
    const token = 'hf_secret';
    const kept = forwardableHeaders({
      authorization: `Bearer ${token}`,
      'proxy-authorization': token,
      'x-api-key': token,
      'api-key': token,
      'x-goog-api-key': token,
      'x-key': token,
      cookie: `session=${token}`,
      host: 'gateway',
      connection: 'keep-alive',
      'content-length': '12',
      prefer: 'wait=60',
      accept: 'application/json',
      'x-use-cache': ['false', 'false'],
    });
    expect(JSON.stringify(kept)).not.toContain(token);
    expect(kept).toEqual({ prefer: 'wait=60', accept: 'application/json', 'x-use-cache': 'false, false' });
  });

  it('withholds X-HF-Bill-To: the provider never learns which organization pays', () => {
    expect(forwardableHeaders({ 'x-hf-bill-to': 'acme', accept: 'application/json' })).toEqual({
      accept: 'application/json',
    });
  });
});
