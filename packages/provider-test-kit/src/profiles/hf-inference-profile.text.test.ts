import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { hfPost, norm, startHfInferenceSimulator, sum } from './hf-inference-profile.test-helpers.js';

describe('hf-inference text pipelines', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await startHfInferenceSimulator();
  });
  afterAll(() => simulator.close());

  it('classifies sentiment as a nested list of labels whose scores sum to 1, with compute headers', async () => {
    const answer = await hfPost(simulator, 'distilbert/distilbert-base-uncased-finetuned-sst-2-english', {
      inputs: 'I like you. I love you.',
    });
    expect(answer.status).toBe(200);
    const [labels] = answer.json as { label: string; score: number }[][];
    expect(labels?.map((entry) => entry.label)).toEqual(['POSITIVE', 'NEGATIVE']);
    expect(sum(labels!.map((entry) => entry.score))).toBeCloseTo(1, 6);
    expect(labels![0]!.score).toBeGreaterThan(0.9);
    expect(answer.headers.get('x-compute-time')).toMatch(/^\d+\.\d{3}$/);
    expect(answer.headers.get('x-compute-type')).toBe('cpu');
    expect(answer.headers.get('x-compute-characters')).toBe('23');
    const negative = await hfPost(simulator, 'distilbert/distilbert-base-uncased-finetuned-sst-2-english', {
      inputs: 'This is terrible, I hate it.',
      parameters: { top_k: 1 },
    });
    expect(negative.json).toEqual([[{ label: 'NEGATIVE', score: expect.any(Number) }]]);
  });

  it('answers the same input the same way', async () => {
    const body = { inputs: 'The market rallied today.' };
    const first = await hfPost(simulator, 'ProsusAI/finbert', body);
    const second = await hfPost(simulator, 'ProsusAI/finbert', body);
    expect(second.json).toEqual(first.json);
  });

  it('embeds with the model’s real dimension, normalised, flat for one text', async () => {
    const one = await hfPost(
      simulator,
      'sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
      {
        inputs: 'Hello world',
      },
    );
    const vector = one.json as number[];
    expect(vector).toHaveLength(384);
    expect(norm(vector)).toBeCloseTo(1, 6);
    const many = await hfPost(
      simulator,
      'sentence-transformers/all-mpnet-base-v2/pipeline/feature-extraction',
      {
        inputs: ['Hello world', 'Goodbye'],
        normalize: true,
      },
    );
    expect((many.json as number[][]).map((row) => row.length)).toEqual([768, 768]);
  });

  it('scores sentence similarity by shared meaning-bearing words', async () => {
    const answer = await hfPost(
      simulator,
      'sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity',
      {
        inputs: {
          source_sentence: 'That is a happy person',
          sentences: ['That is a happy dog', 'That is a very happy person', 'Today is a sunny day'],
        },
      },
    );
    const scores = answer.json as number[];
    expect(scores).toHaveLength(3);
    expect(scores.every((score) => score >= -1 && score <= 1)).toBe(true);
    expect(scores[1]).toBeGreaterThan(scores[2]!);
  });

  it('finds entities with offsets into the text', async () => {
    const text = 'My name is Sarah Jessica Parker but you can call me Jessica';
    const answer = await hfPost(simulator, 'dslim/bert-base-NER', { inputs: text });
    const entities = answer.json as {
      entity_group: string;
      word: string;
      start: number;
      end: number;
      score: number;
    }[];
    expect(entities.map((entity) => entity.word)).toEqual(['Sarah Jessica Parker', 'Jessica']);
    for (const entity of entities) {
      expect(text.slice(entity.start, entity.end)).toBe(entity.word);
      expect(['PER', 'ORG', 'LOC', 'MISC']).toContain(entity.entity_group);
    }
    const tokens = await hfPost(simulator, 'dslim/bert-base-NER', {
      inputs: text,
      parameters: { aggregation_strategy: 'none' },
    });
    expect((tokens.json as { entity: string }[]).map((token) => token.entity.slice(0, 2))).toEqual([
      'B-',
      'I-',
      'I-',
      'B-',
    ]);
  });

  it('ranks zero-shot labels, the one the text mentions first', async () => {
    const answer = await hfPost(simulator, 'facebook/bart-large-mnli', {
      inputs: 'I would like a refund for this broken device',
      parameters: { candidate_labels: ['refund', 'legal', 'faq'] },
    });
    const ranked = answer.json as { label: string; score: number }[];
    expect(ranked[0]?.label).toBe('refund');
    expect(sum(ranked.map((entry) => entry.score))).toBeCloseTo(1, 6);
    const missing = await hfPost(simulator, 'facebook/bart-large-mnli', { inputs: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ error: expect.any(String) });
  });

  it('fills the mask, and refuses a text without one', async () => {
    const answer = await hfPost(simulator, 'google-bert/bert-base-uncased', { inputs: '[MASK] world!' });
    const guesses = answer.json as { sequence: string; token_str: string; token: number; score: number }[];
    expect(guesses).toHaveLength(5);
    for (const guess of guesses) expect(guess.sequence).toBe(`${guess.token_str} world!`);
    expect(sum(guesses.map((guess) => guess.score))).toBeLessThan(1);
    const none = await hfPost(simulator, 'google-bert/bert-base-uncased', { inputs: 'Hello world!' });
    expect(none).toMatchObject({ status: 400, json: { error: 'No mask_token ([MASK]) found on the input' } });
  });

  it('summarises, translates and answers questions in the pipelines’ list shapes', async () => {
    const summary = await hfPost(simulator, 'facebook/bart-large-cnn', {
      inputs: 'The tower is 324 metres tall. Its base is square. It was finished in 1889. It is in Paris.',
    });
    expect(summary.json).toEqual([
      { summary_text: 'The tower is 324 metres tall. Its base is square. It was finished in 1889.' },
    ]);
    const translation = await hfPost(simulator, 'google-t5/t5-base', {
      inputs: 'My name is Wolfgang and I live in Berlin',
    });
    expect(translation.json).toEqual([{ translation_text: 'Mein Name ist Wolfgang und ich lebe in Berlin' }]);
    const context = 'The capital of France is Paris.';
    const answer = await hfPost(simulator, 'deepset/roberta-base-squad2', {
      inputs: { question: 'What is the capital of France?', context },
    });
    expect(answer.json).toEqual({ score: expect.any(Number), start: 25, end: 30, answer: 'Paris' });
  });

  it('answers a table question with the cell and its coordinates', async () => {
    const answer = await hfPost(simulator, 'google/tapas-base-finetuned-wtq', {
      inputs: {
        question: 'How many stars does Transformers have?',
        table: { Repository: ['Transformers', 'Datasets'], Stars: ['36542', '4512'] },
      },
    });
    expect(answer.json).toEqual({
      answer: '36542',
      coordinates: [[0, 1]],
      cells: ['36542'],
      aggregator: 'NONE',
    });
  });
});
