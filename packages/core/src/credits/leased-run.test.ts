import { describe, expect, it } from 'vitest';
import { silentLogger } from '../kernel/logger.js';
import { createInMemoryLedgerRecoveryRepository } from '../store/testing/in-memory-ledger-recovery-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import { LeasedRun } from './leased-run.js';

const leases = () => createInMemoryLedgerRecoveryRepository(createInMemoryLedgerRepository());

function job(store: ReturnType<typeof leases>, holder: string, work: () => Promise<string>) {
  return new LeasedRun({
    lease: 'job',
    leases: store,
    holder,
    leaseMs: 60_000,
    intervalMs: 0,
    now: () => new Date(),
    logger: silentLogger,
    failureMessage: 'job failed',
    work,
    notLeased: () => 'not leased',
  });
}

describe('LeasedRun', () => {
  it('runs the work of one instance at a time and gives the lease back after each run', async () => {
    const store = leases();
    let release!: () => void;
    const first = job(store, 'a', () => new Promise((resolve) => (release = () => resolve('a worked'))));
    const second = job(store, 'b', async () => 'b worked');

    const running = first.runOnce();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await second.runOnce()).toBe('not leased');
    release();
    expect(await running).toBe('a worked');
    expect(await second.runOnce()).toBe('b worked');
  });

  it("rejects runOnce with the work's failure, and still gives the lease back", async () => {
    const store = leases();
    const failing = job(store, 'a', async () => {
      throw new Error('boom');
    });

    await expect(failing.runOnce()).rejects.toThrow('boom');
    expect(await job(store, 'b', async () => 'b worked').runOnce()).toBe('b worked');
  });
});
