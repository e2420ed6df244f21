/** What a plugin's conformance test supplies for each task it declares besides chat. */
import type { RecordedCall } from '../simulator/simulator-types.js';

export interface TaskFixture {
  /** The task's public input, as a client would send it to the gateway. */
  readonly input: unknown;
  /** The provider model id to run; default the first live mapping for the task. */
  readonly model?: string;
  /** Extra assertions on the task's public output; `calls` are the simulator's calls during the round trip. */
  readonly check?: (output: unknown, calls: readonly RecordedCall[]) => void | Promise<void>;
}
