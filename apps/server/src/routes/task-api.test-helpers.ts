/** Shared pieces of the unified task API's tests: a gateway with the task plugins, JSON posts, and PNG checks. */
import type { TestGateway } from '../test-gateway.test-helpers.js';

/** POSTs `body` as JSON to a gateway path with the test token. */
export function postJson(
  test: TestGateway,
  urlPath: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return test.request(urlPath, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new Error('not a PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = new TextDecoder().decode(bytes.subarray(12, 16));
  if (chunkType !== 'IHDR') throw new Error(`the first PNG chunk is ${chunkType}, not IHDR`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The bytes of a `data:` URL with base64 payload, and its type. */
export function decodeBase64DataUrl(url: string): { contentType: string; bytes: Uint8Array } {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) throw new Error(`not a base64 data: URL: ${url.slice(0, 40)}`);
  return { contentType: match[1]!, bytes: new Uint8Array(Buffer.from(match[2]!, 'base64')) };
}
