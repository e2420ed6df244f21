/** Shows a freshly issued token: the secret alone on stdout (so scripts can capture it), guidance on stderr. */
import type { IssuedToken, UserRecord } from '@tollgate/core';
import type { CliContext } from './cli-context.js';
import { resolveGatewayUrl } from './gateway-url.js';
import { printJson } from './print-json.js';

/**
 * Prints the one and only copy of a token's secret; the store keeps just its hash.
 *
 * @example
 * printIssuedToken(context, user, await new TokenService(store.tokens).issue(user.id), { json: false });
 */
export function printIssuedToken(
  context: CliContext,
  user: UserRecord,
  { token, record }: IssuedToken,
  { json }: { readonly json: boolean },
): void {
  if (json) {
    printJson(context.stdout, {
      user: { id: user.id, name: user.name, createdAt: user.createdAt },
      token: {
        id: record.id,
        name: record.name,
        displayPrefix: record.displayPrefix,
        permissions: record.permissions,
        createdAt: record.createdAt,
        value: token,
      },
    });
    return;
  }
  const scope = record.permissions.length === 0 ? ', which may not call Inference Providers' : '';
  context.stderr.write(
    `Token '${record.name}' (id ${record.id}) for user '${user.name}'${scope}; it is shown only once:\n`,
  );
  context.stdout.write(`${token}\n`);
  context.stderr.write(
    `Use it as OPENAI_API_KEY with OPENAI_BASE_URL=${resolveGatewayUrl(undefined, context.env)}, or as TOLLGATE_TOKEN for \`tollgate chat\`.\n`,
  );
}
