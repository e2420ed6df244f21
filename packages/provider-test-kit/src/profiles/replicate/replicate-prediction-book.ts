/**
 * What the Replicate simulator remembers of each prediction besides its job: the model, the input and whether it
 * was canceled. Kept beside the provider's job book, so it lives exactly as long as the simulator does.
 */
import type { SimulatorJobBook } from '../../simulator/job-book.js';
import type { ReplicateSimulatedModel } from './replicate-simulated-models.js';

export interface PredictionRecord {
  readonly id: string;
  readonly model: ReplicateSimulatedModel;
  readonly input: Readonly<Record<string, unknown>>;
  /** Epoch milliseconds of a cancel that came before the prediction finished. */
  canceledAt?: number;
}

const books = new WeakMap<SimulatorJobBook, Map<string, PredictionRecord>>();

/**
 * The prediction records that go with `jobs`.
 *
 * @example
 * predictionRecords(request.jobs).set(id, { id, model, input });
 */
export function predictionRecords(jobs: SimulatorJobBook): Map<string, PredictionRecord> {
  let records = books.get(jobs);
  if (records === undefined) {
    records = new Map();
    books.set(jobs, records);
  }
  return records;
}
