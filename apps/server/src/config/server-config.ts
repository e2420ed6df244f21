/** The settings a gateway process runs with: CLI options, environment, config file and defaults, merged. */
import type { ProvidersConfig } from '@tollgate/core';

export interface UpstreamTimeouts {
  /** Until a provider's response headers arrive. */
  readonly headersTimeoutMs: number;
  /** The longest silence tolerated while reading a provider's body or stream. */
  readonly bodyTimeoutMs: number;
}

/** Failover and circuit breakers of automatically routed requests (`routing` in the config file). */
export interface RoutingConfig {
  readonly failover?: {
    /** Providers tried at most per request, the first included; default 3. */
    readonly maxAttempts?: number;
    /** No further provider is tried after this long; default 30000. */
    readonly deadlineMs?: number;
  };
  readonly circuitBreaker?: {
    /** Consecutive provider faults that open the circuit of a (provider, model); default 5. */
    readonly failureThreshold?: number;
    /** How long an open circuit skips its provider before one trial request; default 30000. */
    readonly coolDownMs?: number;
  };
  /** How long an account's routing settings are cached per instance; default 5000. */
  readonly settingsCacheTtlMs?: number;
}

/** Live performance: traffic measurement and the validation prober (`performance` in the config file). */
export interface PerformanceConfig {
  /** How often an instance merges what traffic showed into the store; default 5000. */
  readonly flushIntervalMs?: number;
  /** How often an instance asks the store whether figures changed; default 3000. */
  readonly refreshIntervalMs?: number;
  readonly prober?: {
    /** Default true when the config is loaded by `loadServerConfig`; false when a host leaves `prober` out. */
    readonly enabled?: boolean;
    /** A mapping that passed is probed again after this long; default 6 h (Hugging Face's schedule). */
    readonly healthyIntervalMs?: number;
    /** A mapping that failed is retested after this long; default 1 h. */
    readonly unhealthyIntervalMs?: number;
    /** How often to look for due probes; default 60000. */
    readonly checkIntervalMs?: number;
    /** One probe request's limit; default 30000. */
    readonly timeoutMs?: number;
    /** A later streamed first token fails the probe; default 5000. */
    readonly maxFirstTokenMs?: number;
    /** Also probe tool calling and structured output; default true. */
    readonly capabilities?: boolean;
    /** Mappings probed at once per instance; default 2. */
    readonly concurrency?: number;
  };
}

/** Credits (`billing` in the config file; `TOLLGATE_BILLING=0` turns charging off). */
export interface BillingConfig {
  /** Default true: routed requests hold credit, are capped to what the account can pay, and are charged. */
  readonly enabled?: boolean;
  /** The output cap of a chat request whose client gave none; default 8192 tokens. */
  readonly defaultMaxOutputTokens?: number;
  /** The fewest output tokens a request is served for when the balance is low; default 16. */
  readonly minimumOutputTokens?: number;
  /** How long a stream whose client left is read on for the provider's usage; default 5000 ms. */
  readonly disconnectGraceMs?: number;
  /**
   * At most how often a long charged stream writes the cost it has reached, so that a crash charges it that much
   * (decision 0020); default 2000 ms, 0 never.
   */
  readonly checkpointIntervalMs?: number;
  /**
   * What a provider not integrated with billing is charged: its rate-card cost times this, paid only from included
   * credits (decision 0022). An exact decimal (`"1.25"`) or a ratio of integers (`"5/4"`), at least 1; default 1.25.
   */
  readonly estimatedCostFactor?: string;
  /** The crash reconciler, which closes holds a crashed instance left open (decision 0020). */
  readonly reconciler?: {
    /** Default true (it runs when billing is on). */
    readonly enabled?: boolean;
    /**
     * How old an open hold must be to count as left by a crash: longer than any request may run; default 1 h.
     * Lower it only when every request (queued media jobs included) ends sooner.
     */
    readonly graceMs?: number;
    /** Between runs, the first at start; default 60000, 0 only at start. */
    readonly intervalMs?: number;
    /** Holds closed per run at most; default 500. */
    readonly batchSize?: number;
    /** How long one run may hold the store lease that keeps other instances out; default 300000. */
    readonly leaseMs?: number;
  };
  /**
   * Providers with a billing API (`providers.<id>.billingApi`, decision 0021): a reconciler asks it for each
   * request's cost and charges that; a request still unpriced after `deadlineMs` is not charged.
   */
  readonly providerCosts?: {
    /** Default true; false charges such providers' requests their metered cost at once. */
    readonly enabled?: boolean;
    /** Between runs; default 60000. */
    readonly intervalMs?: number;
    /** Default 1800000 (30 minutes, as Hugging Face). */
    readonly deadlineMs?: number;
    /** Pending requests read per run; default 10000. */
    readonly batchSize?: number;
  };
}

export interface ServerConfig {
  /** Interface to listen on (`TOLLGATE_HOST`, `--host`). */
  readonly host: string;
  /** Port to listen on; 0 picks a free one (`TOLLGATE_PORT`, `--port`). */
  readonly port: number;
  /** Where the SQLite database and the default config file live (`TOLLGATE_DATA_DIR`, `--data-dir`). */
  readonly dataDir: string;
  /**
   * A `postgres://` URL (`TOLLGATE_DATABASE_URL`, `--database-url`): the store is that PostgreSQL database, shared
   * by every instance pointed at it, instead of SQLite in `dataDir`. It may hold a password: never log it.
   */
  readonly databaseUrl?: string;
  /** The deployment root whose package.json dependencies are searched for plugins (`TOLLGATE_ROOT`, `--root`). */
  readonly root: string;
  /** Serve every answer from in-process simulated providers (`TOLLGATE_SANDBOX=1`, `--sandbox`). */
  readonly sandbox: boolean;
  /** Per-provider settings from the config file. */
  readonly providers: ProvidersConfig;
  readonly bodyLimitBytes: number;
  /** How long `close()` lets in-flight requests and streams run before cutting them. */
  readonly shutdownGraceMs: number;
  /** A pino level (`TOLLGATE_LOG_LEVEL`). */
  readonly logLevel: string;
  readonly upstream: UpstreamTimeouts;
  /** Unset parts take the kernel's defaults. */
  readonly routing?: RoutingConfig;
  /** Unset parts take the kernel's defaults; without `prober.enabled: true` this instance probes nothing. */
  readonly performance?: PerformanceConfig;
  /** Unset parts take the kernel's defaults (billing on when the store has a ledger, sandbox included). */
  readonly billing?: BillingConfig;
}

/** The defaults that do not depend on the working directory. */
export const SERVER_CONFIG_DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  dataDirName: '.tollgate',
  configFileName: 'tollgate.config.json',
  bodyLimitBytes: 16 * 1024 * 1024,
  shutdownGraceMs: 30_000,
  logLevel: 'info',
  upstream: { headersTimeoutMs: 60_000, bodyTimeoutMs: 120_000 },
} as const;
