/** `POST /v1/tasks/{task}`: any task in Hugging Face's request shape, with the model to route. */
import { type Static, Type } from '@sinclair/typebox';

export const TaskRequestSchema = Type.Object(
  {
    model: Type.String({
      minLength: 1,
      description:
        'A Hugging Face model id, optionally with `:<provider>`, `:fastest`, `:cheapest` or `:preferred`.',
      examples: ['distilbert/distilbert-base-uncased-finetuned-sst-2-english:hf-inference'],
    }),
    inputs: Type.Unknown({
      description:
        "The task's `inputs`, as in Hugging Face's task specification. A file is " +
        '`{"kind":"bytes","base64":"...","contentType":"image/png"}` or `{"kind":"url","url":"..."}`.',
    }),
    parameters: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: "The task's `parameters`." }),
    ),
    options: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          "Hugging Face's `options` (`wait_for_model`, `use_cache`): accepted for compatibility, not used.",
      }),
    ),
  },
  { additionalProperties: false },
);

export type TaskRequest = Static<typeof TaskRequestSchema>;

export const TaskParamsSchema = Type.Object({ task: Type.String() });

export const TaskResponseSchema = Type.Unknown({
  description: "The task's output as Hugging Face's task specification defines it; files as base64 or URLs.",
});
