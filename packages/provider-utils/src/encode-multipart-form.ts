/** A pure `multipart/form-data` encoder: form fields and files in, the request body and its content type out. */
import { createHash } from 'node:crypto';

/** A text field of the form. */
export interface MultipartTextField {
  readonly name: string;
  readonly value: string;
}

/** A file part of the form (an audio upload, an image). */
export interface MultipartFileField {
  readonly name: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export type MultipartField = MultipartTextField | MultipartFileField;

export interface EncodedMultipartForm {
  readonly bytes: Uint8Array;
  /** `multipart/form-data; boundary=...`, to send as the request's content type. */
  readonly contentType: string;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** Escapes a name or file name the way browsers and undici do (WHATWG HTML "multipart/form-data encoding"). */
function escapeHeaderValue(value: string): string {
  return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/** Names and text values normalise bare CR and LF to CRLF, as the WHATWG form encoding does. */
function normalizeNewlines(value: string): string {
  return value.replace(/\r\n|\r|\n/g, CRLF);
}

function isFile(field: MultipartField): field is MultipartFileField {
  return 'bytes' in field;
}

function partHeader(field: MultipartField): string {
  const name = escapeHeaderValue(normalizeNewlines(field.name));
  if (!isFile(field)) return `Content-Disposition: form-data; name="${name}"${CRLF}${CRLF}`;
  const filename = escapeHeaderValue(field.filename);
  return (
    `Content-Disposition: form-data; name="${name}"; filename="${filename}"${CRLF}` +
    `Content-Type: ${field.contentType}${CRLF}${CRLF}`
  );
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view(haystack).includes(view(needle));
}

/**
 * A boundary derived from the parts themselves (a hash of their contents), so the same form always encodes to the
 * same bytes, and re-derived in the vanishingly rare case that a part contains it.
 */
function chooseBoundary(parts: readonly Uint8Array[]): string {
  for (let attempt = 0; ; attempt++) {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    hash.update(String(attempt));
    const boundary = `----TollgateFormBoundary${hash.digest('hex').slice(0, 32)}`;
    const marker = encoder.encode(`--${boundary}`);
    if (!parts.some((part) => contains(part, marker))) return boundary;
  }
}

/**
 * Encode `fields`, in order, as a `multipart/form-data` body. Pure and deterministic: the boundary comes from a hash
 * of the contents unless one is given (a given one that occurs in a part is a `RangeError`). File bytes are copied verbatim.
 *
 * @example
 * const form = encodeMultipartForm([
 *   { name: 'model', value: 'openai/whisper-large-v3' },
 *   { name: 'file', filename: 'audio.wav', contentType: 'audio/wav', bytes: wav },
 * ]);
 * // { bytes: Uint8Array [...], contentType: 'multipart/form-data; boundary=----TollgateFormBoundary…' }
 */
export function encodeMultipartForm(
  fields: readonly MultipartField[],
  options: { readonly boundary?: string } = {},
): EncodedMultipartForm {
  const bodies = fields.map((field) =>
    isFile(field) ? field.bytes : encoder.encode(normalizeNewlines(field.value)),
  );
  const boundary = options.boundary ?? chooseBoundary(bodies);
  if (
    options.boundary !== undefined &&
    bodies.some((body) => contains(body, encoder.encode(`--${boundary}`)))
  )
    throw new RangeError(`The boundary ${boundary} occurs inside a part of the form`);
  const chunks: Uint8Array[] = [];
  fields.forEach((field, index) => {
    chunks.push(
      encoder.encode(`--${boundary}${CRLF}${partHeader(field)}`),
      bodies[index]!,
      encoder.encode(CRLF),
    );
  });
  chunks.push(encoder.encode(`--${boundary}--${CRLF}`));
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, contentType: `multipart/form-data; boundary=${boundary}` };
}
