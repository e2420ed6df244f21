/** The shape of `tollgate.config.json`. Unknown fields are rejected: a typo is an error, not a silent default. */
import { type Static, Type } from '@sinclair/typebox';

const Decimal = Type.String({
  pattern: '^\\d+(\\.\\d+)?$',
  description: 'A decimal string in USD, e.g. "0.59".',
});
const PositiveInteger = Type.Integer({ minimum: 1 });

const RateCard = Type.Object(
  {
    inputPerMillionTokens: Type.Optional(Decimal),
    outputPerMillionTokens: Type.Optional(Decimal),
    cachedInputPerMillionTokens: Type.Optional(Decimal),
    perImage: Type.Optional(Decimal),
    perMegapixel: Type.Optional(Decimal),
    perComputeSecond: Type.Optional(Decimal),
    perAudioSecond: Type.Optional(Decimal),
    perVideoSecond: Type.Optional(Decimal),
    perRequest: Type.Optional(Decimal),
  },
  { additionalProperties: false },
);

const ModelMetadata = Type.Object(
  {
    contextLength: Type.Optional(PositiveInteger),
    supportsTools: Type.Optional(Type.Boolean()),
    supportsStructuredOutput: Type.Optional(Type.Boolean()),
    inputModalities: Type.Optional(Type.Array(Type.String())),
    outputModalities: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

const ModelMapping = Type.Object(
  {
    hfModelId: Type.String({ minLength: 1 }),
    providerModelId: Type.String({ minLength: 1 }),
    task: Type.Optional(Type.String({ minLength: 1 })),
    status: Type.Optional(Type.Union([Type.Literal('live'), Type.Literal('staging'), Type.Literal('error')])),
    metadata: Type.Optional(ModelMetadata),
  },
  { additionalProperties: false },
);

const ProviderSettings = Type.Object(
  {
    baseUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
    apiKey: Type.Optional(Type.String({ minLength: 1 })),
    enabled: Type.Optional(Type.Boolean()),
    models: Type.Optional(Type.Array(ModelMapping)),
    rates: Type.Optional(Type.Record(Type.String(), RateCard)),
    /** The Hub organization whose members register this provider's mappings (default: Hugging Face's table). */
    organization: Type.Optional(Type.String({ minLength: 1 })),
    /** Where the provider reports each request's true cost later (decision 0021); false turns the plugin's off. */
    billingApi: Type.Optional(
      Type.Union([
        Type.Literal(false),
        Type.Object(
          {
            url: Type.String({ pattern: '^(/|https?://)' }),
            requestIdHeader: Type.String({ minLength: 1 }),
            delayMs: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
      ]),
    ),
  },
  { additionalProperties: false },
);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ConfigFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    host: Type.Optional(Type.String({ minLength: 1 })),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65_535 })),
    dataDir: Type.Optional(Type.String({ minLength: 1 })),
    root: Type.Optional(Type.String({ minLength: 1 })),
    sandbox: Type.Optional(Type.Boolean()),
    logLevel: Type.Optional(Type.Union(LOG_LEVELS.map((level) => Type.Literal(level)))),
    bodyLimitBytes: Type.Optional(PositiveInteger),
    shutdownGraceMs: Type.Optional(Type.Integer({ minimum: 0 })),
    upstream: Type.Optional(
      Type.Object(
        { headersTimeoutMs: Type.Optional(PositiveInteger), bodyTimeoutMs: Type.Optional(PositiveInteger) },
        { additionalProperties: false },
      ),
    ),
    routing: Type.Optional(
      Type.Object(
        {
          failover: Type.Optional(
            Type.Object(
              {
                maxAttempts: Type.Optional(PositiveInteger),
                deadlineMs: Type.Optional(Type.Integer({ minimum: 0 })),
              },
              { additionalProperties: false },
            ),
          ),
          circuitBreaker: Type.Optional(
            Type.Object(
              {
                failureThreshold: Type.Optional(PositiveInteger),
                coolDownMs: Type.Optional(Type.Integer({ minimum: 0 })),
              },
              { additionalProperties: false },
            ),
          ),
          settingsCacheTtlMs: Type.Optional(Type.Integer({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
    ),
    performance: Type.Optional(
      Type.Object(
        {
          flushIntervalMs: Type.Optional(Type.Integer({ minimum: 0 })),
          refreshIntervalMs: Type.Optional(Type.Integer({ minimum: 0 })),
          prober: Type.Optional(
            Type.Object(
              {
                enabled: Type.Optional(Type.Boolean()),
                healthyIntervalMs: Type.Optional(PositiveInteger),
                unhealthyIntervalMs: Type.Optional(PositiveInteger),
                checkIntervalMs: Type.Optional(PositiveInteger),
                timeoutMs: Type.Optional(PositiveInteger),
                maxFirstTokenMs: Type.Optional(PositiveInteger),
                capabilities: Type.Optional(Type.Boolean()),
                concurrency: Type.Optional(PositiveInteger),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    billing: Type.Optional(
      Type.Object(
        {
          enabled: Type.Optional(Type.Boolean()),
          defaultMaxOutputTokens: Type.Optional(PositiveInteger),
          minimumOutputTokens: Type.Optional(PositiveInteger),
          disconnectGraceMs: Type.Optional(Type.Integer({ minimum: 0 })),
          checkpointIntervalMs: Type.Optional(Type.Integer({ minimum: 0 })),
          // An exact decimal or a ratio of integers, never a JSON number (a float); at least 1 (checked on load).
          estimatedCostFactor: Type.Optional(
            Type.String({ pattern: '^([0-9]+(\\.[0-9]+)?|[0-9]+/[0-9]+)$' }),
          ),
          reconciler: Type.Optional(
            Type.Object(
              {
                enabled: Type.Optional(Type.Boolean()),
                graceMs: Type.Optional(Type.Integer({ minimum: 0 })),
                intervalMs: Type.Optional(Type.Integer({ minimum: 0 })),
                batchSize: Type.Optional(PositiveInteger),
                leaseMs: Type.Optional(PositiveInteger),
              },
              { additionalProperties: false },
            ),
          ),
          providerCosts: Type.Optional(
            Type.Object(
              {
                enabled: Type.Optional(Type.Boolean()),
                intervalMs: Type.Optional(Type.Integer({ minimum: 0 })),
                deadlineMs: Type.Optional(PositiveInteger),
                batchSize: Type.Optional(PositiveInteger),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    providers: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }), ProviderSettings),
    ),
  },
  { additionalProperties: false },
);

export type ConfigFile = Static<typeof ConfigFileSchema>;
