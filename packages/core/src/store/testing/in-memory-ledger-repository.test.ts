import { beforeEach } from 'vitest';
import type { LedgerRepository } from '../ledger-repository.js';
import { createInMemoryLedgerRepository } from './in-memory-ledger-repository.js';
import { describeLedgerRepositoryConformance } from './ledger-repository-conformance.js';

// The in-memory ledger stands in for a store in core's own tests, so it must keep the same contract.
let repository: LedgerRepository = createInMemoryLedgerRepository();
beforeEach(() => {
  repository = createInMemoryLedgerRepository();
});

describeLedgerRepositoryConformance(() => repository);
