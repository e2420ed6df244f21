/** Reads Replicate's `Prefer: wait` header: how long a create call may be held for the prediction to finish. */

/** Replicate's longest (and default) hold, in seconds. */
export const MAX_WAIT_SECONDS = 60;

/**
 * `wait` means 60 seconds, `wait=N` N seconds (1 to 60); undefined when the header asks for no wait (the
 * prediction is then answered at once, `starting`). A value out of range is clamped, as the header is a
 * preference, not a demand.
 *
 * @example
 * preferWaitSeconds('wait'); // 60
 * preferWaitSeconds('wait=5'); // 5
 * preferWaitSeconds(undefined); // undefined
 */
export function preferWaitSeconds(header: string | string[] | undefined): number | undefined {
  const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(/[,;]/);
  for (const value of values) {
    const match = /^\s*wait\s*(?:=\s*(\d+)\s*)?$/i.exec(value);
    if (!match) continue;
    if (match[1] === undefined) return MAX_WAIT_SECONDS;
    return Math.min(MAX_WAIT_SECONDS, Math.max(1, Number.parseInt(match[1], 10)));
  }
  return undefined;
}
