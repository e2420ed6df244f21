/**
 * Queued work started through a native route, remembered so that its follow-ups (status, result) can be
 * authorised (only the caller who started it) and billed once, at the model that started it.
 *
 * Kept in memory: a gateway restart forgets operations still running, whose results are then refused. The
 * billing issue moves holds and their operations into the store, where every instance sees them.
 */

export interface NativeOperation {
  readonly providerId: string;
  readonly operationId: string;
  readonly userId: string;
  readonly task: string;
  readonly hfModelId: string;
  readonly providerModelId: string;
  /** The request id of the start, which the charge is recorded under. */
  readonly requestId: string;
  billed: boolean;
  readonly createdAt: number;
}

export interface NativeOperationBookOptions {
  /** How long an operation may be followed up; default 24 hours (fal keeps results about that long). */
  readonly ttlMs?: number;
  /** At most this many operations are remembered; the oldest go first. */
  readonly capacity?: number;
  readonly now?: () => number;
}

const keyOf = (providerId: string, operationId: string) => `${providerId}\u0000${operationId}`;

export class NativeOperationBook {
  private readonly operations = new Map<string, NativeOperation>();
  private readonly ttlMs: number;
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(options: NativeOperationBookOptions = {}) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.capacity = options.capacity ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** @example book.add({ providerId: 'fal-ai', operationId: 'req-1', userId, task, hfModelId, providerModelId, requestId }); */
  add(operation: Omit<NativeOperation, 'billed' | 'createdAt'>): NativeOperation {
    if (this.operations.size >= this.capacity) {
      this.operations.delete(this.operations.keys().next().value as string);
    }
    const recorded: NativeOperation = { ...operation, billed: false, createdAt: this.now() };
    this.operations.set(keyOf(operation.providerId, operation.operationId), recorded);
    return recorded;
  }

  /** The operation, unless it is unknown or expired. */
  find(providerId: string, operationId: string): NativeOperation | undefined {
    const key = keyOf(providerId, operationId);
    const operation = this.operations.get(key);
    if (!operation) return undefined;
    if (this.now() - operation.createdAt > this.ttlMs) {
      this.operations.delete(key);
      return undefined;
    }
    return operation;
  }
}
