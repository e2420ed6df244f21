/** The status and HTTP status a request record keeps for a failure: what the client was answered. */
import { GatewayError, UpstreamApiError } from '@tollgate/provider-spec';

export interface RequestFailureStatus {
  /** The error code the client received (`insufficient_credit`, `model_not_found`...), or `client_aborted`. */
  readonly status: string;
  readonly httpStatus: number;
}

/**
 * @example
 * requestStatusOf(new InsufficientCreditError({ message })); // { status: 'insufficient_credit', httpStatus: 402 }
 */
export function requestStatusOf(error: unknown): RequestFailureStatus {
  if (UpstreamApiError.isInstance(error) && error.reason === 'aborted') {
    return { status: 'client_aborted', httpStatus: 499 };
  }
  if (GatewayError.isInstance(error)) {
    return { status: error.code ?? error.type, httpStatus: error.status };
  }
  return { status: 'internal_error', httpStatus: 500 };
}
