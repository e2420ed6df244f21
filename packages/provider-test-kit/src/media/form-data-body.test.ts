import { readMultipartForm } from '@tollgate/provider-utils';
import { describe, expect, it } from 'vitest';
import { encodeWav } from './encode-wav.js';
import { formDataBody } from './form-data-body.js';

describe('formDataBody', () => {
  it('encodes text fields and a file, in order, as a multipart body a parser reads back', async () => {
    const wav = encodeWav({ durationMs: 100, seed: 1 });
    const body = await formDataBody({
      file: new File([wav], 'speech.wav', { type: 'audio/wav' }),
      model: 'openai/whisper-large-v3',
    });
    expect(body.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(readMultipartForm(body.value, body.contentType)).toEqual([
      { name: 'file', filename: 'speech.wav', contentType: 'audio/wav', bytes: wav },
      { name: 'model', value: 'openai/whisper-large-v3' },
    ]);
  });
});
