/** A route a profile serves besides chat and models: image, audio and embedding endpoints, job queues. */
import type { SimulatorJobBook } from '../simulator/job-book.js';
import type { SimulatorMediaStore } from '../simulator/media-store.js';
import type { SimulatedExchange } from '../simulator/simulated-exchange.js';
import type { SimulatorLatency } from '../simulator/simulator-types.js';
import type { SimulatedModel } from './provider-profile.js';

export interface SimulatedTaskRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * Path after the provider prefix. Segments `:name` capture one segment; a final `*` captures the rest
   * (available as params['*'], may contain slashes). E.g. '/v1/predictions/:id', '/models/*'.
   */
  readonly path: string;
  readonly serve: (exchange: SimulatedExchange, request: SimulatedTaskRequest) => Promise<void>;
}

export interface SimulatedTaskRequest {
  /** Captured path segments, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON when the body is JSON, the text otherwise, undefined when empty (as recorded calls have). */
  readonly body: unknown;
  /** The raw request bytes (audio uploads, multipart forms, raw image bodies). */
  readonly rawBody: Buffer;
  readonly contentType: string | undefined;
  readonly latency: SimulatorLatency;
  readonly models: readonly SimulatedModel[];
  /** Stores media the simulator serves back by URL. */
  readonly media: SimulatorMediaStore;
  /** Jobs for queued APIs, kept per provider for the simulator's lifetime. */
  readonly jobs: SimulatorJobBook;
  /** The simulator's origin, `http://127.0.0.1:PORT`, for building absolute URLs in answers. */
  readonly origin: string;
  /** This provider's base URL, `http://127.0.0.1:PORT/<providerId>`. */
  readonly baseUrl: string;
}
