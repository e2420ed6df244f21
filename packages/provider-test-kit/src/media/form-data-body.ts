/** A multipart upload encoded as official clients send one: through the platform's `FormData` and `fetch` body. */

export interface FormDataBody {
  readonly kind: 'bytes';
  readonly value: Uint8Array;
  /** `multipart/form-data; boundary=...`, as the client's request states it. */
  readonly contentType: string;
}

/**
 * The body and content type `fetch` sends for `fields`, in order (a `File` as a file part), for native fixtures
 * of upload routes such as OpenAI's `/v1/audio/transcriptions`.
 *
 * @example
 * const body = await formDataBody({ file: new File([encodeWav({ durationMs: 1000, seed: 1 })], 'speech.wav', { type: 'audio/wav' }), model: 'openai/whisper-large-v3' });
 * // { kind: 'bytes', value: Uint8Array [...], contentType: 'multipart/form-data; boundary=----formdata-undici-...' }
 */
export async function formDataBody(fields: Readonly<Record<string, string | File>>): Promise<FormDataBody> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request('http://form.invalid/', { method: 'POST', body: form });
  const contentType = request.headers.get('content-type');
  if (!contentType) throw new TypeError('fetch set no content type for the form');
  return { kind: 'bytes', value: new Uint8Array(await request.arrayBuffer()), contentType };
}
