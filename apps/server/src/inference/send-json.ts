/** Writes a complete JSON answer on the lean inference path. */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * @example sendJson(response, 200, { 'x-request-id': id }, JSON.stringify(completion));
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  text: string,
): void {
  if (response.headersSent || response.destroyed) return;
  headers['content-type'] = JSON_CONTENT_TYPE;
  headers['content-length'] = Buffer.byteLength(text);
  response.writeHead(status, headers);
  response.end(text);
}
