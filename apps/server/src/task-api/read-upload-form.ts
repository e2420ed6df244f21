/**
 * Reads a `multipart/form-data` upload (OpenAI's transcription form) into its text fields and its one file,
 * turning @fastify/multipart's limit errors into OpenAI-style client errors that name the field at fault.
 */
import { GatewayError, InputError } from '@tollgate/provider-spec';
import type { FastifyRequest } from 'fastify';

export interface UploadedFile {
  /** The form field that carried it. */
  readonly field: string;
  readonly filename: string;
  /** As the client declared it (often `application/octet-stream`). */
  readonly mimetype: string;
  readonly bytes: Uint8Array;
}

export interface UploadForm {
  /** Text fields by name; a repeated field keeps its last value. */
  readonly fields: Readonly<Record<string, string>>;
  readonly file: UploadedFile | undefined;
}

export interface UploadFormLimits {
  readonly fileSizeBytes: number;
  readonly fieldSizeBytes: number;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

function tooLarge(message: string, param: string): GatewayError {
  return new GatewayError({
    status: 413,
    type: 'invalid_request_error',
    code: 'request_too_large',
    message,
    param,
  });
}

/** @fastify/multipart's errors carry `FST_*` codes; the rest come from the form parser itself (a broken body). */
function clientErrorFor(error: unknown, limits: UploadFormLimits): unknown {
  if (GatewayError.isInstance(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(
        `The file is larger than ${megabytes(limits.fileSizeBytes)}, the most this gateway accepts.`,
        'file',
      );
    case 'FST_FILES_LIMIT':
      return new InputError({ message: 'Send exactly one file, in the "file" field.', param: 'file' });
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return tooLarge('The form has too many fields.', 'file');
    default:
      if (typeof (error as { statusCode?: unknown } | null)?.statusCode === 'number') return error;
      return new InputError({
        message: `The multipart/form-data body could not be read: ${(error as Error)?.message ?? String(error)}`,
        code: 'invalid_multipart',
      });
  }
}

/**
 * Reads the whole form, within the limits @fastify/multipart was registered with. A request that is not
 * multipart is a 415; a file over the size limit a 413 naming `file`; a text field cut at the field size limit a
 * 413 naming that field.
 *
 * @example
 * const { fields, file } = await readUploadForm(request, { fileSizeBytes: 25 * 1024 * 1024, fieldSizeBytes: 65_536 });
 */
export async function readUploadForm(request: FastifyRequest, limits: UploadFormLimits): Promise<UploadForm> {
  if (!request.isMultipart()) {
    throw new GatewayError({
      status: 415,
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
      message: `Send the request as multipart/form-data (got ${request.headers['content-type'] ?? 'no content type'}).`,
    });
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        file = {
          field: part.fieldname,
          filename: part.filename,
          mimetype: part.mimetype,
          bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
        };
        continue;
      }
      if (part.valueTruncated) {
        throw tooLarge(
          `The field '${part.fieldname}' is longer than ${limits.fieldSizeBytes} bytes.`,
          part.fieldname,
        );
      }
      fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    throw clientErrorFor(error, limits);
  }
  return { fields, file };
}
