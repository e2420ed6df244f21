/** OpenAI's `encoding_format: "base64"` for embeddings: the vector as little-endian float32, base64-encoded. */

/**
 * The encoding the official SDKs decode (they read the bytes as a `Float32Array`), and what they ask for by
 * default. Values are rounded to float32, as OpenAI's own base64 embeddings are.
 *
 * @example
 * encodeFloat32Base64([1, -2]); // 'AACAPwAAAMA='
 */
export function encodeFloat32Base64(vector: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  for (const [index, value] of vector.entries()) view.setFloat32(index * 4, value, true);
  return Buffer.from(view.buffer).toString('base64');
}
