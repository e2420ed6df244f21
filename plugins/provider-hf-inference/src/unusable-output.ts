/** The error for an hf-inference answer whose shape does not match its task. */
import { UpstreamOutputError } from '@tollgate/provider-spec';

/**
 * An `UpstreamOutputError` naming the task and what is wrong, so a changed upstream shape is reported as the
 * provider's fault rather than reaching the client half-parsed.
 *
 * @example
 * throw unusableOutput('fill-mask', 'expected a list of predictions');
 */
export function unusableOutput(task: string, reason: string): UpstreamOutputError {
  return new UpstreamOutputError({
    message: `hf-inference returned a ${task} answer that cannot be used: ${reason}`,
    providerId: 'hf-inference',
  });
}
