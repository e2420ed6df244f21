// The shared provider conformance suite, run against the 'hf-inference' simulator profile, with a fixture per task.
import { encodePng, encodeWav, type RecordedCall, runProviderConformance } from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

const png = encodePng({ width: 64, height: 48, seed: 'conformance' });
const wav = encodeWav({ durationMs: 3000, seed: 'conformance' });
const image = { kind: 'bytes', bytes: png, contentType: 'image/png' } as const;
const audio = { kind: 'bytes', bytes: wav, contentType: 'audio/wav' } as const;

type Labels = { label: string; score: number }[];

/** The single upstream call of a round trip. */
function onlyCall(calls: readonly RecordedCall[]): RecordedCall {
  const upstream = calls.filter((call) => call.providerId === 'hf-inference');
  expect(upstream).toHaveLength(1);
  return upstream[0]!;
}

/** The raw file went up as the body, with its own content type. */
function sentRaw(calls: readonly RecordedCall[], bytes: Uint8Array, contentType: string): void {
  const call = onlyCall(calls);
  expect(call.headers['content-type']).toBe(contentType);
  expect(Buffer.from(call.rawBody).equals(Buffer.from(bytes)), 'the body must be the file itself').toBe(true);
}

const expectRanked = (output: unknown) => {
  const labels = output as Labels;
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.map((entry) => entry.score)).toEqual(
    [...labels.map((entry) => entry.score)].sort((a, b) => b - a),
  );
};

runProviderConformance({
  plugin,
  tasks: {
    'text-generation': {
      input: { inputs: 'The answer to the universe is', parameters: { max_new_tokens: 8 } },
      check: (output, calls) => {
        expect(output).toMatchObject({ generated_text: expect.any(String), finish_reason: 'length' });
        expect(onlyCall(calls).path).toBe('/models/HuggingFaceTB/SmolLM3-3B/v1/completions');
      },
    },
    'feature-extraction': {
      input: { inputs: ['Hello world', 'Goodbye'] },
      check: (output, calls) => {
        const { embeddings } = output as { embeddings: number[][] };
        expect(embeddings.map((vector) => vector.length)).toEqual([384, 384]);
        const norm = Math.sqrt(embeddings[0]!.reduce((total, value) => total + value * value, 0));
        expect(norm).toBeCloseTo(1, 6);
        expect(onlyCall(calls).path).toBe(
          '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
        );
      },
    },
    'sentence-similarity': {
      input: {
        inputs: {
          source_sentence: 'That is a happy person',
          sentences: ['That is a happy dog', 'Today is a sunny day'],
        },
      },
      check: (output) => expect(output).toEqual([expect.any(Number), expect.any(Number)]),
    },
    'text-classification': {
      input: { inputs: 'I like you. I love you.' },
      check: (output) => expect((output as Labels)[0]?.label).toBe('POSITIVE'),
    },
    'token-classification': {
      input: { inputs: 'My name is Sarah Jessica Parker but you can call me Jessica' },
      check: (output) =>
        expect((output as { word: string }[]).map((entity) => entity.word)).toEqual([
          'Sarah Jessica Parker',
          'Jessica',
        ]),
    },
    'zero-shot-classification': {
      input: {
        inputs: 'I would like a refund for this broken device',
        parameters: { candidate_labels: ['refund', 'legal', 'faq'] },
      },
      check: (output) => expect((output as Labels)[0]?.label).toBe('refund'),
    },
    'fill-mask': {
      input: { inputs: 'The capital of France is [MASK].' },
      check: (output) =>
        expect((output as { sequence: string }[])[0]?.sequence).toMatch(/^The capital of France is \S+\.$/),
    },
    summarization: {
      input: {
        inputs: 'The tower is 324 metres tall. Its base is square. It was finished in 1889. It is in Paris.',
      },
      check: (output) =>
        expect(output).toEqual({ summary_text: expect.stringMatching(/^The tower is 324 metres tall\./) }),
    },
    translation: {
      input: { inputs: 'My name is Wolfgang and I live in Berlin' },
      check: (output) =>
        expect(output).toEqual({ translation_text: 'Mein Name ist Wolfgang und ich lebe in Berlin' }),
    },
    'question-answering': {
      input: {
        inputs: { question: 'What is the capital of France?', context: 'The capital of France is Paris.' },
      },
      check: (output) =>
        expect(output).toEqual([{ answer: 'Paris', score: expect.any(Number), start: 25, end: 30 }]),
    },
    'table-question-answering': {
      input: {
        inputs: {
          question: 'How many stars does Transformers have?',
          table: { Repository: ['Transformers', 'Datasets'], Stars: ['36542', '4512'] },
        },
      },
      check: (output) =>
        expect(output).toEqual([
          { answer: '36542', coordinates: [[0, 1]], cells: ['36542'], aggregator: 'NONE' },
        ]),
    },
    'image-classification': {
      input: { inputs: image },
      check: (output, calls) => {
        expectRanked(output);
        sentRaw(calls, png, 'image/png');
      },
    },
    'object-detection': {
      input: { inputs: image, parameters: { threshold: 0.5 } },
      check: (output, calls) => {
        for (const { box } of output as { box: { xmax: number; ymax: number } }[]) {
          expect(box.xmax).toBeLessThan(64);
          expect(box.ymax).toBeLessThan(48);
        }
        expect((onlyCall(calls).body as { inputs: string }).inputs).toBe(Buffer.from(png).toString('base64'));
      },
    },
    'image-segmentation': {
      input: { inputs: image },
      check: (output) => {
        const segments = output as {
          label: string;
          mask: { kind: string; contentType: string; bytes: Uint8Array };
        }[];
        expect(segments[0]?.label).toBe('Background');
        for (const { mask } of segments) {
          expect(mask).toMatchObject({ kind: 'bytes', contentType: 'image/png' });
          expect(Buffer.from(mask.bytes).readUInt32BE(16)).toBe(64);
        }
      },
    },
    'image-to-text': {
      input: { inputs: image },
      check: (output) => expect(output).toEqual({ generated_text: expect.any(String) }),
    },
    'text-to-image': {
      input: {
        inputs: 'A lighthouse at dawn',
        parameters: { width: 256, height: 128, num_inference_steps: 4 },
      },
      check: (output) => {
        const [picture] = (output as { images: { kind: string; bytes: Uint8Array; contentType: string }[] })
          .images;
        expect(picture).toMatchObject({ kind: 'bytes', contentType: 'image/png' });
        const bytes = Buffer.from(picture!.bytes);
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([256, 128]);
      },
    },
    'automatic-speech-recognition': {
      input: { inputs: audio, parameters: { return_timestamps: true } },
      check: (output) => {
        const { text, chunks } = output as { text: string; chunks: { timestamp: [number, number] }[] };
        expect(text.length).toBeGreaterThan(0);
        expect(chunks.at(-1)?.timestamp[1]).toBe(3);
      },
    },
    'audio-classification': {
      input: { inputs: audio },
      check: (output, calls) => {
        expectRanked(output);
        sentRaw(calls, wav, 'audio/wav');
      },
    },
    'zero-shot-image-classification': {
      input: { inputs: image, parameters: { candidate_labels: ['a photo of a cat', 'a photo of a dog'] } },
      check: (output) => {
        expectRanked(output);
        expect((output as Labels).map((entry) => entry.label).sort()).toEqual([
          'a photo of a cat',
          'a photo of a dog',
        ]);
      },
    },
  },
  native: [
    {
      name: 'chat',
      method: 'POST',
      path: '/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions',
      body: {
        kind: 'json',
        value: {
          model: 'HuggingFaceTB/SmolLM3-3B',
          messages: [{ role: 'user', content: 'Capital of France?' }],
        },
      },
      check: ([answer]) => {
        expect(answer!.response!.body).toMatchObject({ object: 'chat.completion', choices: [{ index: 0 }] });
        expect(answer!.usage.computeMilliseconds).toBeGreaterThan(0);
      },
    },
    {
      name: 'completions',
      method: 'POST',
      path: '/models/HuggingFaceTB/SmolLM3-3B/v1/completions',
      body: {
        kind: 'json',
        value: { model: 'HuggingFaceTB/SmolLM3-3B', prompt: 'The answer is', max_tokens: 8 },
      },
      check: ([answer]) =>
        expect(answer!.response!.body).toMatchObject({ choices: [{ text: expect.any(String) }] }),
    },
    {
      name: 'feature-extraction pipeline',
      method: 'POST',
      path: '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
      body: { kind: 'json', value: { inputs: ['Hello world'] } },
      check: ([answer]) => expect((answer!.response!.body as number[][])[0]).toHaveLength(384),
    },
    {
      name: 'sentence-similarity pipeline',
      method: 'POST',
      path: '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity',
      body: {
        kind: 'json',
        value: { inputs: { source_sentence: 'A happy person', sentences: ['A happy dog', 'A sad person'] } },
      },
      check: ([answer]) => expect(answer!.response!.body).toHaveLength(2),
    },
    {
      name: 'raw image to its pipeline',
      method: 'POST',
      path: '/models/google/vit-base-patch16-224',
      body: { kind: 'bytes', value: png, contentType: 'image/png' },
      check: ([answer], calls) => {
        expectRanked(answer!.response!.body);
        sentRaw(calls, png, 'image/png');
      },
    },
    {
      name: 'text-to-image answered as bytes',
      method: 'POST',
      path: '/models/black-forest-labs/FLUX.1-schnell',
      body: {
        kind: 'json',
        value: { inputs: 'A lighthouse at dawn', parameters: { width: 256, height: 128 } },
      },
      check: ([answer]) => {
        const bytes = Buffer.from(answer!.response!.body as Uint8Array);
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([256, 128]);
      },
    },
  ],
});
