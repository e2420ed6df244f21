/**
 * The kit host's memory of queued work started through native routes, as the gateway's operation book keeps
 * it: who started it, at which mapping, and whether it has been billed, so follow-ups are tied to their start.
 */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

export interface NativeOperation {
  readonly providerId: string;
  readonly operationId: string;
  /** Who started the work; only they may follow it up. */
  readonly caller: string;
  /** The mapping the start resolved to, which follow-ups are billed at. */
  readonly mapping: ModelMappingV1;
  billed: boolean;
}

/**
 * @example
 * const operations = new NativeOperations();
 * await runNativeRoute({ plugin, request: start, baseUrl, apiKey, operations });
 * await runNativeRoute({ plugin, request: status, baseUrl, apiKey, operations });
 */
export class NativeOperations {
  private readonly operations = new Map<string, NativeOperation>();

  /** Records queued work a start began. */
  add(operation: Omit<NativeOperation, 'billed'>): NativeOperation {
    const recorded: NativeOperation = { ...operation, billed: false };
    this.operations.set(`${operation.providerId}\u0000${operation.operationId}`, recorded);
    return recorded;
  }

  find(providerId: string, operationId: string): NativeOperation | undefined {
    return this.operations.get(`${providerId}\u0000${operationId}`);
  }

  get size(): number {
    return this.operations.size;
  }
}
