/**
 * One circuit breaker per (provider, provider model), in this instance's memory: after `failureThreshold`
 * consecutive provider faults the circuit opens and the router's candidate is skipped; after `coolDownMs` one
 * trial request goes through (half-open); its success closes the circuit, its failure opens it again.
 *
 * Consecutive failures rather than a failure ratio over a window: a ratio needs a minimum volume to mean anything,
 * and most (provider, model) pairs of a gateway see a handful of requests a minute, where a ratio either never
 * trips or trips on two unlucky calls. A run of faults with no success in between says "down" at any traffic level.
 */

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitTransition {
  readonly providerId: string;
  readonly providerModelId: string;
  readonly from: CircuitState;
  readonly to: CircuitState;
  /** The consecutive failures that opened it (for `to: 'open'`). */
  readonly consecutiveFailures: number;
}

export interface CircuitBreakerOptions {
  /** Consecutive provider faults that open a circuit; default {@link DEFAULT_CIRCUIT_FAILURE_THRESHOLD}. */
  readonly failureThreshold?: number;
  /** How long an open circuit rejects calls before it lets one trial through; default {@link DEFAULT_CIRCUIT_COOL_DOWN_MS}. */
  readonly coolDownMs?: number;
  /** The clock, in milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** Told about every change of state (logs, metrics). Must not throw. */
  readonly onTransition?: (transition: CircuitTransition) => void;
}

export const DEFAULT_CIRCUIT_FAILURE_THRESHOLD = 5;
export const DEFAULT_CIRCUIT_COOL_DOWN_MS = 30_000;

/** Permission for one call; hand it back with the call's outcome. */
export interface CircuitTicket {
  readonly key: string;
  /** Outcomes of calls admitted before the circuit last opened are ignored: they say nothing about now. */
  readonly generation: number;
  /** True for the single call a half-open circuit lets through. */
  readonly trial: boolean;
}

interface Circuit {
  readonly providerId: string;
  readonly providerModelId: string;
  consecutiveFailures: number;
  /** Set while open or half-open. */
  openedAt: number | undefined;
  trialInFlight: boolean;
  /** Whether the move to half-open was announced in this open period. */
  announcedHalfOpen: boolean;
  generation: number;
}

const keyOf = (providerId: string, providerModelId: string) => `${providerId}\u0000${providerModelId}`;

export class CircuitBreakers {
  private readonly circuits = new Map<string, Circuit>();
  readonly failureThreshold: number;
  readonly coolDownMs: number;
  private readonly now: () => number;
  private readonly onTransition: (transition: CircuitTransition) => void;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? DEFAULT_CIRCUIT_FAILURE_THRESHOLD;
    this.coolDownMs = options.coolDownMs ?? DEFAULT_CIRCUIT_COOL_DOWN_MS;
    if (!Number.isInteger(this.failureThreshold) || this.failureThreshold < 1)
      throw new RangeError(`failureThreshold must be a positive integer, not ${this.failureThreshold}.`);
    if (!Number.isFinite(this.coolDownMs) || this.coolDownMs < 0)
      throw new RangeError(`coolDownMs must be zero or more milliseconds, not ${this.coolDownMs}.`);
    this.now = options.now ?? Date.now;
    this.onTransition = options.onTransition ?? (() => {});
  }

  /**
   * A ticket when a call may go to this provider model now; undefined while its circuit is open (or half-open
   * with its trial call still running).
   *
   * @example
   * const ticket = breakers.admit('groq', 'openai/gpt-oss-120b');
   * if (ticket) try { await call(); breakers.succeeded(ticket); } catch { breakers.failed(ticket); }
   */
  admit(providerId: string, providerModelId: string): CircuitTicket | undefined {
    const key = keyOf(providerId, providerModelId);
    const circuit = this.circuits.get(key);
    if (circuit === undefined || circuit.openedAt === undefined) {
      return { key, generation: circuit?.generation ?? 0, trial: false };
    }
    if (circuit.trialInFlight || this.now() - circuit.openedAt < this.coolDownMs) return undefined;
    circuit.trialInFlight = true;
    if (!circuit.announcedHalfOpen) {
      circuit.announcedHalfOpen = true;
      this.tell(circuit, 'open', 'half-open');
    }
    return { key, generation: circuit.generation, trial: true };
  }

  /** The provider answered (any answer but a fault: a 400 proves it is up). */
  succeeded(ticket: CircuitTicket): void {
    const circuit = this.circuits.get(ticket.key);
    if (circuit === undefined || circuit.generation !== ticket.generation) return;
    if (circuit.openedAt !== undefined) {
      if (!ticket.trial) return;
      this.tell(circuit, 'half-open', 'closed');
      circuit.openedAt = undefined;
      circuit.trialInFlight = false;
      circuit.generation += 1;
    }
    circuit.consecutiveFailures = 0;
  }

  /** A provider fault: connection error, timeout, 429, 5xx, or an answer that breaks its API. */
  failed(ticket: CircuitTicket, providerId: string, providerModelId: string): void {
    let circuit = this.circuits.get(ticket.key);
    if (circuit === undefined) {
      circuit = {
        providerId,
        providerModelId,
        consecutiveFailures: 0,
        openedAt: undefined,
        trialInFlight: false,
        announcedHalfOpen: false,
        generation: ticket.generation,
      };
      this.circuits.set(ticket.key, circuit);
    }
    if (circuit.generation !== ticket.generation) return;
    if (circuit.openedAt !== undefined) {
      if (!ticket.trial) return;
      // The trial failed: open again for a whole cool-down.
      circuit.trialInFlight = false;
      circuit.consecutiveFailures += 1;
      this.open(circuit, 'half-open');
      return;
    }
    circuit.consecutiveFailures += 1;
    if (circuit.consecutiveFailures >= this.failureThreshold) this.open(circuit, 'closed');
  }

  /** The call ended without saying anything about the provider (the client left, the hold was refused). */
  abandoned(ticket: CircuitTicket): void {
    const circuit = this.circuits.get(ticket.key);
    if (ticket.trial && circuit !== undefined && circuit.generation === ticket.generation) {
      circuit.trialInFlight = false;
    }
  }

  state(providerId: string, providerModelId: string): CircuitState {
    const circuit = this.circuits.get(keyOf(providerId, providerModelId));
    return circuit === undefined ? 'closed' : this.stateOf(circuit);
  }

  /** Milliseconds until an open circuit lets a trial through; 0 when a call would be admitted now. */
  retryInMs(providerId: string, providerModelId: string): number {
    const circuit = this.circuits.get(keyOf(providerId, providerModelId));
    if (circuit?.openedAt === undefined) return 0;
    const left = circuit.openedAt + this.coolDownMs - this.now();
    // A running trial decides soon; say "in a moment" rather than zero, which reads as "now".
    return circuit.trialInFlight ? Math.max(left, 1000) : Math.max(left, 0);
  }

  private stateOf(circuit: Circuit): CircuitState {
    if (circuit.openedAt === undefined) return 'closed';
    return circuit.trialInFlight || this.now() - circuit.openedAt >= this.coolDownMs ? 'half-open' : 'open';
  }

  private open(circuit: Circuit, from: CircuitState): void {
    circuit.openedAt = this.now();
    circuit.announcedHalfOpen = false;
    circuit.generation += 1;
    this.tell(circuit, from, 'open');
  }

  private tell(circuit: Circuit, from: CircuitState, to: CircuitState): void {
    try {
      this.onTransition({
        providerId: circuit.providerId,
        providerModelId: circuit.providerModelId,
        from,
        to,
        consecutiveFailures: circuit.consecutiveFailures,
      });
    } catch {
      // Logging a transition must never change the outcome of the request that caused it.
    }
  }
}
