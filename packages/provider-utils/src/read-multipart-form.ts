/** Reads a whole `multipart/form-data` body into its parts, with busboy, for pure mappings that must not wait. */
import type { Readable } from 'node:stream';
import { InputError } from '@tollgate/provider-spec';
import busboy from 'busboy';
import type { MultipartField } from './encode-multipart-form.js';

export interface ReadMultipartFormOptions {
  /** The longest text field, in bytes; a longer one is an input error. Default 1 MiB. */
  readonly maxFieldBytes?: number;
  /** The most parts (text fields and files) a form may have. Default 100. */
  readonly maxParts?: number;
}

const DEFAULT_MAX_FIELD_BYTES = 1024 * 1024;
const DEFAULT_MAX_PARTS = 100;

const invalid = (message: string, param?: string) =>
  new InputError({
    message: `The multipart/form-data body cannot be read: ${message}`,
    code: 'invalid_multipart',
    ...(param !== undefined ? { param } : {}),
  });

const noop = () => {};

/** The bytes buffered in a part's stream: busboy pushes slices of the body, so one part is usually one slice. */
function drain(stream: Readable): Uint8Array {
  const chunks: Buffer[] = [];
  for (let chunk: Buffer | null = stream.read(); chunk !== null; chunk = stream.read()) chunks.push(chunk);
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The form's parts in order, as `encodeMultipartForm` takes them (so a form read and written again is the same
 * form): text fields decoded as UTF-8, files with their bytes, file name and type. Synchronous: busboy parses a
 * chunk completely inside `write`, emitting each field and buffering each file's bytes as it goes, and the body
 * is written as one chunk, so every part is known when `write` returns. A body that is not multipart, has no
 * boundary, a malformed part header, too many parts or a field over the size limit is an `InputError` (400); a
 * body cut short keeps the parts read before the cut (the provider refuses such a form on its own).
 *
 * @example
 * readMultipartForm(body.value, body.contentType).find((part) => part.name === 'model');
 * // { name: 'model', value: 'openai/whisper-large-v3' }
 */
export function readMultipartForm(
  bytes: Uint8Array,
  contentType: string,
  options: ReadMultipartFormOptions = {},
): MultipartField[] {
  if (!/^multipart\/form-data(;|$)/i.test(contentType.trim())) {
    throw invalid(`it is sent as ${contentType || 'no content type'}, not multipart/form-data`);
  }
  const maxFieldBytes = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const maxParts = options.maxParts ?? DEFAULT_MAX_PARTS;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      limits: { fieldSize: maxFieldBytes, parts: maxParts },
    });
  } catch (error) {
    throw invalid((error as Error).message);
  }
  const parts: MultipartField[] = [];
  const files: { index: number; stream: Readable }[] = [];
  let problem: InputError | undefined;
  const fail = (error: InputError) => {
    problem ??= error;
  };
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) fail(invalid(`the field '${name}' is longer than ${maxFieldBytes} bytes`, name));
    parts.push({ name, value });
  });
  parser.on('file', (name, stream, info) => {
    // A body cut inside a file makes busboy fail the file's stream later; the form is read by then.
    stream.on('error', noop);
    files.push({ index: parts.length, stream });
    parts.push({
      name,
      filename: info.filename ?? '',
      contentType: info.mimeType,
      bytes: new Uint8Array(0),
    });
  });
  parser.on('partsLimit', () => fail(invalid(`it has more than ${maxParts} parts`)));
  // Busboy reports a body cut short only once the stream ends, after this function returns; the parts read are kept.
  parser.on('error', (error: Error) => fail(invalid(error.message)));
  parser.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  parser.end();
  if (problem) throw problem;
  for (const { index, stream } of files) {
    parts[index] = { ...parts[index]!, bytes: drain(stream) } as MultipartField;
  }
  return parts;
}
