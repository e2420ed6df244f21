/**
 * Media in JSON, for the generic task endpoint: a task's input or output may hold `MediaV1` values (an image
 * to classify, audio to transcribe, a generated image), whose bytes have no JSON form. On the wire they are
 * `{"kind":"bytes","base64":"...","contentType":"image/png"}` or `{"kind":"url","url":"..."}`.
 */
import { InputError } from '@tollgate/provider-spec';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The task input with every `{kind:'bytes', base64}` turned into `{kind:'bytes', bytes}`; `path` names the field
 * in errors (`inputs.image`).
 *
 * @example
 * decodeMediaJson({ inputs: { kind: 'bytes', base64: 'iVBORw0K...', contentType: 'image/png' } }, 'body');
 */
export function decodeMediaJson(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item, index) => decodeMediaJson(item, `${path}.${index}`));
  if (!isRecord(value)) return value;
  if (value.kind === 'bytes') {
    const { base64, contentType } = value;
    if (typeof base64 !== 'string' || !BASE64.test(base64.replace(/\s/g, ''))) {
      throw new InputError({ message: `${path}.base64 must be the file's bytes in base64.`, param: path });
    }
    if (typeof contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(contentType)) {
      throw new InputError({
        message: `${path}.contentType must be the file's media type, such as image/png.`,
        param: path,
      });
    }
    return { kind: 'bytes', bytes: new Uint8Array(Buffer.from(base64, 'base64')), contentType };
  }
  const decoded: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) decoded[key] = decodeMediaJson(field, `${path}.${key}`);
  return decoded;
}

/**
 * The task output with every byte array as base64 (`{kind:'bytes', bytes}` becomes `{kind:'bytes', base64}`).
 *
 * @example
 * encodeMediaJson({ images: [{ kind: 'bytes', bytes, contentType: 'image/png' }] });
 */
export function encodeMediaJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(encodeMediaJson);
  if (!isRecord(value)) return value;
  const encoded: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    encoded[key === 'bytes' && field instanceof Uint8Array ? 'base64' : key] = encodeMediaJson(field);
  }
  return encoded;
}
