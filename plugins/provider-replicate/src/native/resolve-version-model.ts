/** Which mapped model a `POST /v1/predictions` body's `version` names. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

/**
 * The provider model id (`owner/name:version`) of the mapping `version` pins, from `models` (the plugin's own
 * list); `version` is a bare version id or `owner/name:version`, the two forms Replicate accepts. A version no
 * mapping pins comes back as given, so the host refuses it as an unmapped model; no version is undefined.
 *
 * @example
 * resolveVersionModel(replicateModels, WHISPER_VERSION); // `openai/whisper:${WHISPER_VERSION}`
 * resolveVersionModel(replicateModels, 'abc123'); // 'abc123'
 */
export function resolveVersionModel(models: readonly ModelMappingV1[], version: unknown): string | undefined {
  if (typeof version !== 'string' || version === '') return undefined;
  const colon = version.lastIndexOf(':');
  const id = colon === -1 ? version : version.slice(colon + 1);
  const name = colon === -1 ? undefined : version.slice(0, colon);
  const mapping = models.find((candidate) => {
    const at = candidate.providerModelId.lastIndexOf(':');
    if (at === -1) return false;
    return (
      candidate.providerModelId.slice(at + 1) === id &&
      (name === undefined || candidate.providerModelId.slice(0, at) === name)
    );
  });
  return mapping?.providerModelId ?? version;
}
