import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { tableQuestionAnsweringHandler } from './table-question-answering-handler.js';

const context = contextFor('google/tapas-base-finetuned-wtq');
const input = {
  inputs: {
    question: 'How many stars does the transformers repository have?',
    table: { Repository: ['Transformers', 'Datasets'], Stars: ['36542', '4512'] },
  },
};

describe('table-question-answering on hf-inference', () => {
  it('posts the table and the question', () => {
    expect(tableQuestionAnsweringHandler.mapRequest({ input, context })).toMatchObject({
      path: '/models/google/tapas-base-finetuned-wtq',
      body: {
        kind: 'json',
        value: { inputs: { table: input.inputs.table, question: input.inputs.question } },
      },
    });
  });

  it('refuses a table whose columns are not lists of strings of one length', () => {
    for (const table of [{}, { Stars: [36542] }, { A: ['1', '2'], B: ['3'] }, ['Transformers']]) {
      expect(() =>
        tableQuestionAnsweringHandler.mapRequest({
          input: { inputs: { question: 'How many?', table } } as never,
          context,
        }),
      ).toThrow(InputError);
    }
  });

  it('returns the answer, its cells and the aggregator as a list', () => {
    expect(
      tableQuestionAnsweringHandler.mapResponse({
        input,
        response: fixture('table-question-answering'),
        context,
      }),
    ).toEqual({
      output: [{ answer: 'AVERAGE > 36542', coordinates: [[0, 1]], cells: ['36542'], aggregator: 'AVERAGE' }],
      usage: { computeMilliseconds: 256 },
    });
  });
});
