/**
 * What a token may do, named as Hugging Face's fine-grained tokens name it. Only the inference permission exists so
 * far; a token without it still manages its account (settings, the Hub API) but cannot call providers.
 */
import { AuthError, InputError } from '@tollgate/provider-spec';
import type { Principal } from './principal.js';

/** "Make calls to Inference Providers" (Hugging Face's `inference.serverless.write`). */
export const INFERENCE_PERMISSION = 'inference.serverless.write';

export type TokenPermission = typeof INFERENCE_PERMISSION;

/** Every permission, which a token gets unless it is issued with fewer (and every token made before migration 10 has). */
export const TOKEN_PERMISSIONS: readonly TokenPermission[] = Object.freeze([INFERENCE_PERMISSION]);

/** True for a permission this gateway knows. */
export function isTokenPermission(value: unknown): value is TokenPermission {
  return (TOKEN_PERMISSIONS as readonly unknown[]).includes(value);
}

/**
 * Throws `InputError` (code `invalid_permission`, param `permissions`) for an unknown permission; returns the
 * permissions without duplicates, in `TOKEN_PERMISSIONS` order.
 *
 * @example checkTokenPermissions(['inference.serverless.write']);
 */
export function checkTokenPermissions(permissions: readonly string[]): readonly TokenPermission[] {
  for (const permission of permissions) {
    if (!isTokenPermission(permission)) {
      throw new InputError({
        message: `'${permission}' is not a token permission; the permissions are: ${TOKEN_PERMISSIONS.join(', ')}.`,
        param: 'permissions',
        code: 'invalid_permission',
      });
    }
  }
  return TOKEN_PERMISSIONS.filter((permission) => permissions.includes(permission));
}

/**
 * Throws `AuthError` 403 (code `token_permission_required`) unless the principal's token may call inference
 * providers. A principal without a permission list (built by an embedding host) may.
 *
 * @example assertMayCallInferenceProviders(principal);
 */
export function assertMayCallInferenceProviders(principal: Principal): void {
  if (principal.permissions === undefined || principal.permissions.includes(INFERENCE_PERMISSION)) return;
  throw new AuthError({
    message: `This token may not make calls to Inference Providers: it lacks the '${INFERENCE_PERMISSION}' permission. Create a token with it (\`tollgate tokens create NAME\`).`,
    status: 403,
    code: 'token_permission_required',
  });
}
