import { readFileSync } from 'node:fs';
import { isProviderPlugin, validatePluginDefinition } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import defaultExport, { HF_INFERENCE_PRICE_PER_COMPUTE_SECOND, hfInferencePlugin } from './index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  tollgate: { id: string; kind: string };
};

/** The tasks the brief asks for, in its order of priority; all of them are served. */
const TASKS = [
  'conversational',
  'text-generation',
  'feature-extraction',
  'sentence-similarity',
  'text-classification',
  'token-classification',
  'zero-shot-classification',
  'fill-mask',
  'summarization',
  'translation',
  'question-answering',
  'table-question-answering',
  'image-classification',
  'object-detection',
  'image-segmentation',
  'image-to-text',
  'text-to-image',
  'automatic-speech-recognition',
  'audio-classification',
  'zero-shot-image-classification',
];

const mapped = (hfModelId: string, task: string) =>
  expect.objectContaining({ hfModelId, providerModelId: hfModelId, task, status: 'live' });

describe('the hf-inference plugin manifest', () => {
  it('is a valid, branded plugin exported by default', () => {
    expect(defaultExport).toBe(hfInferencePlugin);
    expect(isProviderPlugin(hfInferencePlugin)).toBe(true);
    expect(validatePluginDefinition(hfInferencePlugin)).toEqual([]);
  });

  it('matches its package.json id and calls the router’s hf-inference prefix with a bearer hf_ token', () => {
    expect(packageJson.tollgate).toMatchObject({ kind: 'provider', id: hfInferencePlugin.id });
    expect(hfInferencePlugin.settings).toMatchObject({
      apiKeyEnvVars: ['HF_INFERENCE_API_KEY', 'HF_TOKEN'],
      baseUrl: 'https://router.huggingface.co/hf-inference',
      auth: { kind: 'bearer' },
    });
  });

  it('serves every pipeline task as a sync handler, each with at least one live model', () => {
    expect(Object.keys(hfInferencePlugin.tasks)).toEqual(TASKS);
    for (const task of TASKS) {
      expect(hfInferencePlugin.tasks[task]?.kind, task).toBe('sync');
      expect(
        hfInferencePlugin.models.some((mapping) => mapping.task === task && mapping.status === 'live'),
        task,
      ).toBe(true);
    }
  });

  it('maps each model to its own Hub id, and the popular ones the project needs', () => {
    for (const mapping of hfInferencePlugin.models) expect(mapping.providerModelId).toBe(mapping.hfModelId);
    expect(hfInferencePlugin.models).toEqual(
      expect.arrayContaining([
        mapped('sentence-transformers/all-MiniLM-L6-v2', 'feature-extraction'),
        mapped('sentence-transformers/all-MiniLM-L6-v2', 'sentence-similarity'),
        mapped('distilbert/distilbert-base-uncased-finetuned-sst-2-english', 'text-classification'),
        mapped('openai/whisper-large-v3', 'automatic-speech-recognition'),
        mapped('black-forest-labs/FLUX.1-schnell', 'text-to-image'),
        mapped('facebook/bart-large-cnn', 'summarization'),
        mapped('dslim/bert-base-NER', 'token-classification'),
        mapped('facebook/bart-large-mnli', 'zero-shot-classification'),
        mapped('google-bert/bert-base-uncased', 'fill-mask'),
        mapped('deepset/roberta-base-squad2', 'question-answering'),
        mapped('google/vit-base-patch16-224', 'image-classification'),
        mapped('facebook/detr-resnet-50', 'object-detection'),
        mapped('HuggingFaceTB/SmolLM3-3B', 'conversational'),
      ]),
    );
  });

  it('prices every mapped model, and only those, per compute second at the published figure', () => {
    const { table } = hfInferencePlugin.rates;
    expect(table.sourceUrl).toBe('https://huggingface.co/docs/inference-providers/pricing');
    for (const mapping of hfInferencePlugin.models) {
      expect(table.models[mapping.providerModelId], mapping.providerModelId).toEqual({
        perComputeSecond: HF_INFERENCE_PRICE_PER_COMPUTE_SECOND,
      });
    }
    expect(Object.keys(table.models).sort()).toEqual(
      [...new Set(hfInferencePlugin.models.map((mapping) => mapping.providerModelId))].sort(),
    );
    expect(HF_INFERENCE_PRICE_PER_COMPUTE_SECOND).toBe('0.00012');
    expect(hfInferencePlugin.billing).toBe('integrated');
  });
});
