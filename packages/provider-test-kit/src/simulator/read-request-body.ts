/** Reads a request body whole, keeping its bytes and parsing it the way the simulator records it. */
import type { IncomingMessage } from 'node:http';

export interface RequestBody {
  /** Parsed JSON, or the text when it is not JSON, or undefined when the body is empty. */
  readonly body: unknown;
  /** The bytes as received, untouched (audio uploads and multipart forms must not go through text). */
  readonly rawBody: Buffer;
}

/**
 * The body's bytes, and its parsed form.
 *
 * @example
 * const { body, rawBody } = await readRequestBody(request); // body: { model: 'm', messages: [...] }
 */
export async function readRequestBody(request: IncomingMessage): Promise<RequestBody> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const rawBody = Buffer.concat(parts);
  if (rawBody.length === 0) return { body: undefined, rawBody };
  const text = rawBody.toString('utf8');
  try {
    return { body: JSON.parse(text) as unknown, rawBody };
  } catch {
    return { body: text, rawBody };
  }
}
