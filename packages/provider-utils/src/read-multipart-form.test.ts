import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { encodeMultipartForm, type MultipartField } from './encode-multipart-form.js';
import { readMultipartForm } from './read-multipart-form.js';

const audio = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x00, 0x0d, 0x0a, 0xff, 0x2d, 0x2d, 0x00]);

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

/** A form as a browser or the OpenAI SDK sends it, through the platform's own encoder. */
async function platformForm(
  fields: Record<string, string | Blob>,
): Promise<{ bytes: Uint8Array; type: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    form.append(name, value, ...(value instanceof File ? [value.name] : []));
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    bytes: new Uint8Array(await request.arrayBuffer()),
    type: request.headers.get('content-type')!,
  };
}

describe('readMultipartForm', () => {
  it('reads back what encodeMultipartForm writes, in order, byte for byte', () => {
    const fields: MultipartField[] = [
      { name: 'model', value: 'openai/whisper-large-v3' },
      { name: 'prompt', value: 'Ünïcode, and a line\r\nbreak' },
      { name: 'file', filename: 'audio.wav', contentType: 'audio/wav', bytes: audio },
    ];
    const form = encodeMultipartForm(fields);
    expect(readMultipartForm(form.bytes, form.contentType)).toEqual(fields);
  });

  it('reads a field sent after a large file without waiting for the file to be consumed', async () => {
    const large = new Uint8Array(3 * 1024 * 1024).fill(7);
    const { bytes, type } = await platformForm({
      file: new File([large], 'speech.mp3', { type: 'audio/mpeg' }),
      model: 'whisper-1',
    });
    const parts = readMultipartForm(bytes, type);
    expect(parts.map((part) => part.name)).toEqual(['file', 'model']);
    expect(parts[1]).toEqual({ name: 'model', value: 'whisper-1' });
    const file = parts[0] as Extract<MultipartField, { bytes: Uint8Array }>;
    expect(file).toMatchObject({ filename: 'speech.mp3', contentType: 'audio/mpeg' });
    expect(file.bytes.byteLength).toBe(large.byteLength);
    expect(file.bytes.every((byte) => byte === 7)).toBe(true);
  });

  it('refuses a body that is not multipart, or has no boundary, as a 400', () => {
    for (const contentType of [
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]) {
      const error = caught(() => readMultipartForm(new Uint8Array([1]), contentType));
      expect(InputError.isInstance(error), contentType).toBe(true);
      expect(error).toMatchObject({ status: 400, code: 'invalid_multipart' });
    }
  });

  it('refuses a malformed part header, too many parts and an overlong field, naming the fault', () => {
    const broken = Buffer.from(
      '--B\r\nContent-Disposition: form-data; name="model"\r\n' +
        `${'x'.repeat(20_000)}\r\n\r\nv\r\n--B--\r\n`,
    );
    expect(caught(() => readMultipartForm(broken, 'multipart/form-data; boundary=B'))).toMatchObject({
      status: 400,
      message: expect.stringContaining('multipart/form-data body cannot be read'),
    });
    const many = encodeMultipartForm(
      Array.from({ length: 5 }, (_, index) => ({ name: `f${index}`, value: 'v' })),
    );
    expect(caught(() => readMultipartForm(many.bytes, many.contentType, { maxParts: 4 }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('more than 4 parts'),
    });
    const long = encodeMultipartForm([{ name: 'prompt', value: 'x'.repeat(100) }]);
    expect(
      caught(() => readMultipartForm(long.bytes, long.contentType, { maxFieldBytes: 50 })),
    ).toMatchObject({
      status: 400,
      param: 'prompt',
      message: expect.stringContaining("the field 'prompt' is longer than 50 bytes"),
    });
  });

  it('keeps the parts read before a body is cut short, and fails nothing later', async () => {
    const form = encodeMultipartForm([
      { name: 'model', value: 'm' },
      { name: 'file', filename: 'a.wav', contentType: 'audio/wav', bytes: new Uint8Array(4096) },
    ]);
    const parts = readMultipartForm(form.bytes.subarray(0, form.bytes.byteLength - 100), form.contentType);
    expect(parts[0]).toEqual({ name: 'model', value: 'm' });
    // Busboy reports the cut after the read; nothing may be left to throw unhandled.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
