/**
 * A `CreditLedger` that passes every call through and remembers what each request's settlement charged, so the
 * request log can record the charge the ledger itself reported without the executors handing it over.
 */
import type { CreditHold, CreditLedger, HoldRequest, Settlement } from '../credits/credit-ledger.js';
import type { NanoUsd } from '../pricing/nano-usd.js';

export class ChargeTap implements CreditLedger {
  private readonly charged = new Map<string, NanoUsd>();

  constructor(private readonly inner: CreditLedger) {}

  /** Whether the ledger underneath charges: the executors price and cap requests by it. */
  get charges(): boolean | undefined {
    return this.inner.charges;
  }

  hold(request: HoldRequest): Promise<CreditHold> {
    return this.inner.hold(request);
  }

  async settle(hold: CreditHold, costNanoUsd: NanoUsd): Promise<Settlement> {
    const settlement = await this.inner.settle(hold, costNanoUsd);
    // Only one hold of a request settles; adding keeps a retried attempt's charge from hiding an earlier one.
    this.charged.set(hold.requestId, (this.charged.get(hold.requestId) ?? 0n) + settlement.chargedNanoUsd);
    return settlement;
  }

  release(hold: CreditHold): Promise<void> {
    return this.inner.release(hold);
  }

  /** Passed through, so a recorded stream's checkpoints still reach the crash reconciler. */
  async checkpoint(hold: CreditHold, costSoFarNanoUsd: NanoUsd): Promise<void> {
    await this.inner.checkpoint?.(hold, costSoFarNanoUsd);
  }

  /** What the request's settlements charged (zero when none), forgotten once read. */
  take(requestId: string): NanoUsd {
    const charged = this.charged.get(requestId) ?? 0n;
    this.charged.delete(requestId);
    return charged;
  }
}
