/** The persistence boundary of the kernel. Every store (SQLite, PostgreSQL) implements it and passes one conformance suite. */
import type { BillingAccountRepository } from './billing-account-repository.js';
import type { CatalogRepository } from './catalog-repository.js';
import type { InferenceProviderSettingsRepository } from './inference-provider-settings-repository.js';
import type { LedgerRecoveryRepository } from './ledger-recovery-repository.js';
import type { LedgerRepository } from './ledger-repository.js';
import type { OrganizationRepository } from './organization-repository.js';
import type { PerformanceRepository } from './performance-repository.js';
import type { ProviderCostRepository } from './provider-cost-repository.js';
import type { ProviderKeyRepository } from './provider-key-repository.js';
import type { RequestRecordRepository } from './request-record-repository.js';
import type { TokenRepository } from './token-repository.js';
import type { UserRepository } from './user-repository.js';

export interface Store {
  /** A short name for logs and `/ready`, e.g. `sqlite:/data/tollgate.db`. */
  readonly description: string;
  readonly users: UserRepository;
  readonly tokens: TokenRepository;
  /** Organizations (providers' Hub orgs, later billing accounts) and their members. */
  readonly organizations: OrganizationRepository;
  /** Model mappings shared by every gateway instance on this store. */
  readonly catalog: CatalogRepository;
  /** Measured speed and probe verdicts per (provider, provider model), merged from every instance. */
  readonly performance: PerformanceRepository;
  /** Each account's default routing policy, provider order and disabled providers. */
  readonly inferenceProviderSettings: InferenceProviderSettingsRepository;
  /** Users' tiers; organizations' plans, seats and spending limits. */
  readonly billingAccounts: BillingAccountRepository;
  /** The credit ledger: holds, settlements, releases and prepaid grants, and the balances derived from them. */
  readonly ledger: LedgerRepository;
  /**
   * Checkpointed costs of running requests and the reconciler's lease: how holds left by a crash are closed. Optional
   * until the SQLite and PostgreSQL stores implement it (decision 0020); the in-memory one does.
   */
  readonly ledgerRecovery?: LedgerRecoveryRepository;
  /**
   * Requests waiting for their provider's reported cost (decision 0021). Optional: without it, a provider's billing
   * API is not used and its requests are charged their metered cost.
   */
  readonly providerCosts?: ProviderCostRepository;
  /** Users' and organizations' own provider keys, sealed under the gateway's master key. */
  readonly providerKeys: ProviderKeyRepository;
  /** One record per request: where it went, what it used, cost and was charged (the ledger has the money). */
  readonly requests: RequestRecordRepository;
  /** Creates or upgrades the schema; safe to call on every start. */
  migrate(): Promise<void>;
  /** True when the store answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
