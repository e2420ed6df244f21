/**
 * What every inference request (OpenAI-style, task and native routes alike) goes through before its body is read:
 * the token is authenticated, it must carry the permission to call Inference Providers, and `X-HF-Bill-To` names
 * the organization that pays, if any.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  assertMayCallInferenceProviders,
  BILL_TO_HEADER,
  type BilledOrganization,
  type Kernel,
  type Principal,
} from '@tollgate/core';

/** Who calls and who pays. */
export interface InferenceCaller {
  readonly principal: Principal;
  /** Absent when the caller pays (no `X-HF-Bill-To`). */
  readonly billTo?: BilledOrganization;
}

/**
 * Rejects with 401 for a missing or unknown token, and with 403 for a token without the inference permission or a
 * refused `X-HF-Bill-To` (unknown organization, not a member, no Team or Enterprise plan).
 *
 * @example
 * const { principal, billTo } = await authorizeInferenceCall(kernel, request.headers);
 */
export async function authorizeInferenceCall(
  kernel: Kernel,
  headers: IncomingHttpHeaders,
): Promise<InferenceCaller> {
  const principal = await kernel.authenticator.authenticate(headers.authorization);
  assertMayCallInferenceProviders(principal);
  const billTo = await kernel.billTo.resolve(principal, headers[BILL_TO_HEADER]);
  return billTo === undefined ? { principal } : { principal, billTo };
}
