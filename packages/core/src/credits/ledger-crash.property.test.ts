import { beforeEach, describe } from 'vitest';
import { createInMemoryLedgerRecoveryRepository } from '../store/testing/in-memory-ledger-recovery-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import type { CrashPropertyStores } from '../store/testing/ledger-crash-properties.js';
import { describeLedgerCrashProperties } from '../store/testing/ledger-crash-properties.js';

describe('the in-memory ledger under crashes', () => {
  let stores: CrashPropertyStores;
  beforeEach(() => {
    const ledger = createInMemoryLedgerRepository();
    stores = { ledger, ledgerRecovery: createInMemoryLedgerRecoveryRepository(ledger) };
  });

  describeLedgerCrashProperties('in-memory', () => stores, { numRuns: 200 });
});
