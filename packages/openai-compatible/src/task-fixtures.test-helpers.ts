/** Loads the recorded-format provider fixtures of the non-chat tasks, and a call context for their tests. */
import { readFileSync } from 'node:fs';
import type { CallContextV1, UpstreamResponseV1 } from '@tollgate/provider-spec';

/** `<task folder>/__fixtures__/<name>` as the 200 JSON response `callUpstream` would hand the plugin. */
export function loadTaskFixture(taskFolder: string, name: string): UpstreamResponseV1 {
  const url = new URL(`./${taskFolder}/__fixtures__/${name}`, import.meta.url);
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.parse(readFileSync(url, 'utf8')),
  };
}

/** A call context for `providerModelId` at `providerId`. */
export function taskContext(
  providerId: string,
  providerModelId: string,
  hfModelId = providerModelId,
): CallContextV1 {
  return { requestId: 'req-1', providerId, hfModelId, providerModelId };
}

/** The error `run` throws, or undefined. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
