import { describe, expect, it } from 'vitest';
import { encodeMultipartForm } from './encode-multipart-form.js';

/** Parses a body with undici's own multipart parser (what `Response.formData()` uses in Node). */
async function parse(form: { bytes: Uint8Array; contentType: string }): Promise<FormData> {
  return new Response(form.bytes, { headers: { 'content-type': form.contentType } }).formData();
}

const audio = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x00, 0x0d, 0x0a, 0xff, 0x2d, 0x2d, 0x00]);

describe('encodeMultipartForm', () => {
  it('writes text fields and a file that a standard parser reads back byte for byte', async () => {
    const form = encodeMultipartForm([
      { name: 'model', value: 'openai/whisper-large-v3' },
      { name: 'response_format', value: 'verbose_json' },
      { name: 'file', filename: 'audio.wav', contentType: 'audio/wav', bytes: audio },
    ]);
    expect(form.contentType).toMatch(/^multipart\/form-data; boundary=----TollgateFormBoundary[0-9a-f]{32}$/);
    const parsed = await parse(form);
    expect(parsed.get('model')).toBe('openai/whisper-large-v3');
    expect(parsed.get('response_format')).toBe('verbose_json');
    const file = parsed.get('file') as File;
    expect(file.name).toBe('audio.wav');
    expect(file.type).toBe('audio/wav');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(audio);
  });

  it('lays the parts out exactly as the multipart format says', () => {
    const form = encodeMultipartForm(
      [
        { name: 'a', value: 'one' },
        { name: 'f', filename: 'x.bin', contentType: 'application/octet-stream', bytes: new Uint8Array([1]) },
      ],
      { boundary: 'B' },
    );
    expect(form.contentType).toBe('multipart/form-data; boundary=B');
    expect(Buffer.from(form.bytes).toString('latin1')).toBe(
      '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\none\r\n' +
        '--B\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\n' +
        'Content-Type: application/octet-stream\r\n\r\n\x01\r\n--B--\r\n',
    );
  });

  it('escapes names and file names, and normalises newlines, exactly as undici serialises a FormData', async () => {
    const reference = new FormData();
    reference.append('we"ird\nname', 'line one\nline two\rthree');
    reference.append('file', new Blob([audio], { type: 'audio/wav' }), 'a"b\n.wav');
    const response = new Response(reference);
    const contentType = response.headers.get('content-type')!;
    const expected = new Uint8Array(await response.arrayBuffer());
    const form = encodeMultipartForm(
      [
        { name: 'we"ird\nname', value: 'line one\nline two\rthree' },
        { name: 'file', filename: 'a"b\n.wav', contentType: 'audio/wav', bytes: audio },
      ],
      { boundary: contentType.split('boundary=')[1]! },
    );
    expect(form.contentType).toBe(contentType);
    expect(Buffer.from(form.bytes).toString('latin1')).toBe(Buffer.from(expected).toString('latin1'));
    const parsed = await parse(form);
    expect(parsed.get('we"ird\r\nname')).toBe('line one\r\nline two\r\nthree');
  });

  it('is deterministic, and picks another boundary for other contents', () => {
    const fields = [{ name: 'model', value: 'm' }];
    expect(encodeMultipartForm(fields)).toEqual(encodeMultipartForm(fields));
    expect(encodeMultipartForm(fields).contentType).not.toBe(
      encodeMultipartForm([{ name: 'model', value: 'n' }]).contentType,
    );
  });

  it('refuses a given boundary that occurs inside a part', () => {
    expect(() => encodeMultipartForm([{ name: 'x', value: 'a --B b' }], { boundary: 'B' })).toThrow(
      RangeError,
    );
  });

  it('encodes an empty form as just the closing delimiter', () => {
    const form = encodeMultipartForm([], { boundary: 'X' });
    expect(Buffer.from(form.bytes).toString()).toBe('--X--\r\n');
  });
});
