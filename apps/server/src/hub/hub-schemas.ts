/** Response schemas of the Hub API routes, for the OpenAPI document. */
import { Type } from '@sinclair/typebox';

export const HubErrorSchema = Type.Object(
  { error: Type.String() },
  { description: 'The Hub API error body.' },
);

export const HubProviderMappingSchema = Type.Object({
  status: Type.Union([Type.Literal('live'), Type.Literal('staging')]),
  providerId: Type.String({ description: "The provider's own model id." }),
  task: Type.String({ description: 'Hugging Face task spelling, `conversational` for chat.' }),
  isModelAuthor: Type.Boolean(),
  adapter: Type.Optional(Type.Literal('lora')),
  adapterWeightsPath: Type.Optional(Type.String()),
  type: Type.Literal('single-model'),
});

export const HubModelSchema = Type.Object({
  _id: Type.String(),
  id: Type.String(),
  modelId: Type.Optional(Type.String()),
  private: Type.Optional(Type.Boolean()),
  pipeline_tag: Type.Optional(Type.String()),
  inference: Type.Optional(Type.Literal('warm')),
  inferenceProviderMapping: Type.Optional(
    Type.Record(Type.String(), HubProviderMappingSchema, {
      description: "Keyed by provider, in the caller's order of preference.",
    }),
  ),
});

export const PartnerMappingSchema = Type.Object({
  _id: Type.String(),
  type: Type.Union([Type.Literal('single-model'), Type.Literal('tag-filter')]),
  task: Type.String(),
  status: Type.Union([Type.Literal('live'), Type.Literal('staging'), Type.Literal('error')]),
  providerModel: Type.String(),
  hfModel: Type.Optional(Type.String()),
  tags: Type.Optional(Type.Array(Type.String())),
  adapterType: Type.Optional(Type.Literal('lora')),
  adapterWeightsPath: Type.Optional(Type.String()),
});
