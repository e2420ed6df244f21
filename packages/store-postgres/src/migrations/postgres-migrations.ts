/** Every PostgreSQL migration, oldest first. Append new ones; never edit or reorder a released one. */
import type { PostgresMigration } from '../postgres-migration.js';
import { createUsersAndTokens } from './0001-create-users-and-tokens.js';
import { createCatalogMappings } from './0002-create-catalog-mappings.js';
import { createOrganizations } from './0003-create-organizations.js';
import { createProviderModelPerformance } from './0004-create-provider-model-performance.js';
import { createInferenceProviderSettings } from './0005-create-inference-provider-settings.js';
import { addBillingTerms } from './0006-add-billing-terms.js';
import { createCreditLedger } from './0007-create-credit-ledger.js';
import { createRequestRecords } from './0008-create-request-records.js';
import { createProviderKeys } from './0009-create-provider-keys.js';
import { addTokenPermissions } from './0010-add-token-permissions.js';
import { createLedgerRecovery } from './0012-create-ledger-recovery.js';
import { createLedgerFunctions } from './0013-create-ledger-functions.js';
import { createPendingProviderCosts } from './0014-create-pending-provider-costs.js';
import { addIncludedOnlyHolds } from './0015-add-included-only-holds.js';
import { addCheckpointedRequests } from './0017-add-checkpointed-requests.js';
import { ledgerFunctionsInFewerStatements } from './0018-ledger-functions-in-fewer-statements.js';
import { reservationsReadTheirUserTier } from './0019-reservations-read-their-user-tier.js';

export const postgresMigrations: readonly PostgresMigration[] = [
  createUsersAndTokens,
  createCatalogMappings,
  createOrganizations,
  createProviderModelPerformance,
  createInferenceProviderSettings,
  addBillingTerms,
  createCreditLedger,
  createRequestRecords,
  createProviderKeys,
  addTokenPermissions,
  createLedgerRecovery,
  createLedgerFunctions,
  createPendingProviderCosts,
  addIncludedOnlyHolds,
  addCheckpointedRequests,
  ledgerFunctionsInFewerStatements,
  reservationsReadTheirUserTier,
];
