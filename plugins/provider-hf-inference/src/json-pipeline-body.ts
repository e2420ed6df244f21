/** The `{inputs, parameters}` JSON body of hf-inference's text pipelines. */
import type { UpstreamBodyV1 } from '@tollgate/provider-spec';

/**
 * `{inputs, parameters}`, leaving `parameters` out when there are none (the pipeline's defaults apply).
 *
 * @example
 * jsonPipelineBody('I like you.', undefined); // { kind: 'json', value: { inputs: 'I like you.' } }
 */
export function jsonPipelineBody(
  inputs: unknown,
  parameters: Record<string, unknown> | undefined,
): UpstreamBodyV1 {
  return { kind: 'json', value: parameters === undefined ? { inputs } : { inputs, parameters } };
}
