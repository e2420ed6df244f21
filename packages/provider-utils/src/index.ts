/** @tollgate/provider-utils: HTTP, SSE, error, URL-safety and money helpers shared by the kernel and plugins. */
export { assertUrlAllowed, type UrlPolicy } from './assert-url-allowed.js';
export { buildAuthHeaders } from './build-auth-headers.js';
export { buildUpstreamUrl } from './build-upstream-url.js';
export { callUpstream } from './call-upstream.js';
export { createUpstreamApiError } from './create-upstream-api-error.js';
export { createUpstreamDispatcher, type UpstreamDispatcherOptions } from './create-upstream-dispatcher.js';
export {
  type EncodedMultipartForm,
  encodeMultipartForm,
  type MultipartField,
  type MultipartFileField,
  type MultipartTextField,
} from './encode-multipart-form.js';
export { extractErrorMessage } from './extract-error-message.js';
export { type ForwardNativeRequestOptions, forwardNativeRequest } from './forward-native-request.js';
export { isPrivateAddress } from './is-private-address.js';
export { loadApiKey } from './load-api-key.js';
export { normalizeHeaders } from './normalize-headers.js';
export { openUpstreamStream } from './open-upstream-stream.js';
export { parseDecimal } from './parse-decimal.js';
export { parseJsonOrText } from './parse-json-or-text.js';
export { type ReadMultipartFormOptions, readMultipartForm } from './read-multipart-form.js';
export { readSseEventBatches } from './read-sse-event-batches.js';
export { flattenEventBatches, readSseEvents } from './read-sse-events.js';
export { toUpstreamTransportError } from './to-upstream-transport-error.js';
export type { UpstreamCall, UpstreamStream, UpstreamTarget } from './upstream-call.js';
