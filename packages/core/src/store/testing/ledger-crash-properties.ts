/**
 * Property-based checks of the ledger under crashes: random interleavings of reserve, settle, release, checkpoint,
 * grant and crash (every in-flight request is dropped, and the reconciler closes what they left open), against any
 * store's ledger. After every crash and at the end the ledger verifies, nothing is open, every hold was closed exactly
 * once, each request was charged what a model of the rules says (included-only holds among them, paid by included
 * credits alone), and the charges sum to the period's used amounts.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { BillingAllowance } from '../../billing/billing-account.js';
import { chargeFor } from '../../credits/ledger-arithmetic.js';
import { LedgerReconciler } from '../../credits/ledger-reconciler.js';
import { verifyLedger } from '../../credits/verify-ledger.js';
import type { LedgerRecoveryRepository } from '../ledger-recovery-repository.js';
import type { LedgerRepository } from '../ledger-repository.js';

export interface CrashPropertyStores {
  readonly ledger: LedgerRepository;
  readonly ledgerRecovery: LedgerRecoveryRepository;
}

export interface LedgerCrashPropertyOptions {
  /** Random scenarios to run; default 60. */
  readonly numRuns?: number;
  /** Per-test time limit in ms; default 120 s. */
  readonly timeoutMs?: number;
}

type Operation =
  | {
      readonly kind: 'reserve';
      readonly account: number;
      readonly amount: bigint;
      readonly minimum: bigint;
      /** A provider not integrated with billing (decision 0022): held against, and paid by, included credits. */
      readonly includedOnly: boolean;
    }
  | { readonly kind: 'settle'; readonly pick: number; readonly cost: bigint }
  | { readonly kind: 'release'; readonly pick: number }
  | { readonly kind: 'fail-over'; readonly pick: number }
  | { readonly kind: 'checkpoint'; readonly pick: number; readonly cost: bigint }
  | { readonly kind: 'grant'; readonly account: number; readonly amount: bigint }
  | { readonly kind: 'crash' }
  | { readonly kind: 'late-settle'; readonly pick: number; readonly cost: bigint };

const amount = fc.bigInt({ min: 0n, max: 400n });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      account: fc.nat(1),
      amount,
      minimum: amount,
      includedOnly: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      pick: fc.nat(),
      cost: fc.bigInt({ min: 0n, max: 600n }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fail-over' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('checkpoint' as const), pick: fc.nat(), cost: amount }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('grant' as const),
      account: fc.nat(1),
      amount: fc.bigInt({ min: 1n, max: 300n }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('late-settle' as const), pick: fc.nat(), cost: amount }),
  },
);
const allowance: fc.Arbitrary<BillingAllowance> = fc.record({
  includedNanoUsd: fc.bigInt({ min: 0n, max: 1_000n }),
  payAsYouGoLimitNanoUsd: fc.option(fc.bigInt({ min: 0n, max: 500n }), { nil: undefined }),
});

interface InFlight {
  readonly accountId: string;
  readonly requestId: string;
  attempt: number;
  held: bigint;
  readonly includedOnly: boolean;
  /** The highest checkpoint written for the current attempt. */
  checkpointed: bigint | undefined;
}

const period = '2026-03';
let scenarioNumber = 0;

/**
 * Registers one property test (vitest `it`) that runs scenarios against `stores()`. Each scenario bills its own
 * accounts, so one store serves them all.
 *
 * @example
 * describeLedgerCrashProperties('sqlite', () => ({ ledger: store.ledger, ledgerRecovery: store.ledgerRecovery }));
 */
export function describeLedgerCrashProperties(
  name: string,
  stores: () => CrashPropertyStores,
  { numRuns = 60, timeoutMs = 120_000 }: LedgerCrashPropertyOptions = {},
): void {
  it(
    `${name}: after random reserve/settle/release/grant/crash interleavings, reconciliation leaves a sound ledger`,
    async () => {
      await fc.assert(
        fc.asyncProperty(allowance, fc.array(operation, { maxLength: 40 }), async (terms, operations) => {
          await runScenario(stores(), terms, operations);
        }),
        { numRuns },
      );
    },
    timeoutMs,
  );
}

async function runScenario(
  { ledger, ledgerRecovery }: CrashPropertyStores,
  terms: BillingAllowance,
  operations: readonly Operation[],
): Promise<void> {
  scenarioNumber += 1;
  const prefix = `crash-${process.pid}-${Date.now()}-${scenarioNumber}`;
  const accounts = [`${prefix}-a`, `${prefix}-b`];
  const inFlight: InFlight[] = [];
  const crashed: InFlight[] = [];
  /** What each (request, attempt) must end up charged, from the rules alone. */
  const expected = new Map<string, bigint>();
  let requests = 0;
  let grants = 0;
  const pick = <T>(items: T[], index: number): T | undefined =>
    items.length === 0 ? undefined : items[index % items.length];
  const reconcile = async (): Promise<void> => {
    // Every in-flight request is gone: its instance died. The reconciler treats every open hold as orphaned.
    for (const request of inFlight.splice(0)) {
      expected.set(
        `${request.requestId}#${request.attempt}`,
        chargeFor(request.checkpointed ?? 0n, request.held),
      );
      crashed.push(request);
    }
    const reconciler = new LedgerReconciler(
      { ledger, recovery: ledgerRecovery, now: () => new Date(Date.now() + 60_000) },
      { graceMs: 0, intervalMs: 0, batchSize: 10_000 },
    );
    const report = await reconciler.runOnce();
    await reconciler.stop();
    expect(report.leased).toBe(true);
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
  };

  for (const step of operations) {
    if (step.kind === 'reserve') {
      requests += 1;
      const accountId = accounts[step.account] as string;
      const requestId = `${prefix}-r${requests}`;
      const reserved = await ledger.reserve({
        accountId,
        period,
        requestId,
        attempt: 1,
        amountNanoUsd: step.amount,
        // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take
        minimumNanoUsd: step.minimum < step.amount ? step.minimum : step.amount,
        allowance: terms,
        ...(step.includedOnly ? { includedOnly: true } : {}),
      });
      if (reserved.outcome !== 'insufficient') {
        inFlight.push({
          accountId,
          requestId,
          attempt: 1,
          held: reserved.hold.amountNanoUsd,
          includedOnly: step.includedOnly,
          checkpointed: undefined,
        });
      }
    } else if (step.kind === 'settle' || step.kind === 'release') {
      const request = pick(inFlight, step.pick);
      if (request === undefined) continue;
      inFlight.splice(inFlight.indexOf(request), 1);
      const key = { requestId: request.requestId, attempt: request.attempt };
      if (step.kind === 'settle') {
        const settled = await ledger.settle({ ...key, costNanoUsd: step.cost });
        expect(settled.outcome).toBe('settled');
        expected.set(`${key.requestId}#${key.attempt}`, chargeFor(step.cost, request.held));
      } else {
        expect((await ledger.release(key)).outcome).toBe('released');
        expected.set(`${key.requestId}#${key.attempt}`, 0n);
      }
    } else if (step.kind === 'fail-over') {
      // The provider failed before answering: release, and hold again for the next provider as the next attempt.
      const request = pick(inFlight, step.pick);
      if (request === undefined) continue;
      expect((await ledger.release({ requestId: request.requestId, attempt: request.attempt })).outcome).toBe(
        'released',
      );
      expected.set(`${request.requestId}#${request.attempt}`, 0n);
      const reserved = await ledger.reserve({
        accountId: request.accountId,
        period,
        requestId: request.requestId,
        attempt: request.attempt + 1,
        amountNanoUsd: request.held,
        minimumNanoUsd: request.held,
        allowance: terms,
        ...(request.includedOnly ? { includedOnly: true } : {}),
      });
      if (reserved.outcome === 'insufficient') {
        inFlight.splice(inFlight.indexOf(request), 1);
      } else {
        request.attempt += 1;
        request.held = reserved.hold.amountNanoUsd;
        request.checkpointed = undefined;
      }
    } else if (step.kind === 'checkpoint') {
      const request = pick(inFlight, step.pick);
      if (request === undefined) continue;
      await ledgerRecovery.checkpoint({
        requestId: request.requestId,
        attempt: request.attempt,
        costNanoUsd: step.cost,
        updatedAt: new Date().toISOString(),
      });
      if (request.checkpointed === undefined || step.cost > request.checkpointed)
        request.checkpointed = step.cost;
    } else if (step.kind === 'grant') {
      grants += 1;
      await ledger.grant({
        accountId: accounts[step.account] as string,
        period,
        grantId: `${prefix}-g${grants}`,
        amountNanoUsd: step.amount,
      });
    } else if (step.kind === 'crash') {
      await reconcile();
    } else {
      // An instance that only seemed dead settles after the reconciler closed its hold: nothing changes.
      const request = pick(crashed, step.pick);
      if (request === undefined) continue;
      const late = await ledger.settle({
        requestId: request.requestId,
        attempt: request.attempt,
        costNanoUsd: step.cost,
      });
      expect(late.outcome === 'already-settled' || late.outcome === 'already-released').toBe(true);
    }
  }
  await reconcile();

  const entries = (await Promise.all(accounts.map((accountId) => ledger.listEntries({ accountId })))).flat();
  const closings = new Map<string, number>();
  const charged = new Map<string, bigint>();
  for (const entry of entries) {
    if (entry.kind !== 'settle' && entry.kind !== 'release') continue;
    const key = `${entry.requestId}#${entry.attempt}`;
    closings.set(key, (closings.get(key) ?? 0) + 1);
    charged.set(key, entry.kind === 'settle' ? entry.amountNanoUsd : 0n);
  }
  const holds = entries.filter((entry) => entry.kind === 'hold');
  expect(closings.size).toBe(holds.length);
  expect([...closings.values()].every((count) => count === 1)).toBe(true);
  expect(charged).toEqual(expected);
  const open = await ledger.listOpenHolds();
  expect(open.filter((hold) => hold.accountId.startsWith(prefix))).toEqual([]);

  for (const accountId of accounts) {
    const balance = await ledger.balance(accountId, period);
    const settled = entries
      .filter((entry) => entry.accountId === accountId && entry.kind === 'settle')
      .reduce((sum, entry) => sum + entry.amountNanoUsd, 0n);
    expect(balance.includedUsedNanoUsd + balance.prepaidUsedNanoUsd + balance.payAsYouGoUsedNanoUsd).toBe(
      settled,
    );
    expect(balance.heldNanoUsd).toBe(0n);
    expect(balance.includedHeldNanoUsd).toBe(0n);
    expect(balance.includedUsedNanoUsd <= balance.includedNanoUsd).toBe(true);
    expect(balance.prepaidUsedNanoUsd <= balance.prepaidGrantedNanoUsd).toBe(true);
    if (terms.payAsYouGoLimitNanoUsd !== undefined) {
      expect(balance.payAsYouGoUsedNanoUsd <= terms.payAsYouGoLimitNanoUsd).toBe(true);
    }
  }
}
