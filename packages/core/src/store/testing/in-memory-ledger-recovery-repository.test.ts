import { beforeEach } from 'vitest';
import type { LedgerRecoveryRepository } from '../ledger-recovery-repository.js';
import type { LedgerRepository } from '../ledger-repository.js';
import { createInMemoryLedgerRecoveryRepository } from './in-memory-ledger-recovery-repository.js';
import { createInMemoryLedgerRepository } from './in-memory-ledger-repository.js';
import { describeLedgerRecoveryRepositoryConformance } from './ledger-recovery-repository-conformance.js';

let stores: { ledger: LedgerRepository; ledgerRecovery: LedgerRecoveryRepository };
beforeEach(() => {
  const ledger = createInMemoryLedgerRepository();
  stores = { ledger, ledgerRecovery: createInMemoryLedgerRecoveryRepository(ledger) };
});

describeLedgerRecoveryRepositoryConformance(() => stores);
