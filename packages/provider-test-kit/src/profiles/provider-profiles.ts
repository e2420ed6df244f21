/** Every provider the simulator can speak, by id. */
import { basetenProfile } from './baseten-profile.js';
import { cerebrasProfile } from './cerebras-profile.js';
import { cohereProfile } from './cohere-profile.js';
import { deepinfraProfile } from './deepinfra-profile.js';
import { falAiProfile } from './fal-ai-profile.js';
import { featherlessAiProfile } from './featherless-ai-profile.js';
import { fireworksAiProfile } from './fireworks-ai-profile.js';
import { groqProfile } from './groq-profile.js';
import { hfInferenceProfile } from './hf-inference-profile.js';
import { hyperbolicProfile } from './hyperbolic-profile.js';
import { novitaProfile } from './novita-profile.js';
import { nscaleProfile } from './nscale-profile.js';
import { openAICompatibleProfile } from './openai-compatible-profile.js';
import { ovhcloudProfile } from './ovhcloud-profile.js';
import type { ProviderProfile } from './provider-profile.js';
import { publicaiProfile } from './publicai-profile.js';
import { replicateProfile } from './replicate-profile.js';
import { sambanovaProfile } from './sambanova-profile.js';
import { scalewayProfile } from './scaleway-profile.js';
import { togetherProfile } from './together-profile.js';
import { wavespeedProfile } from './wavespeed-profile.js';
import { zaiOrgProfile } from './zai-org-profile.js';

export const PROVIDER_PROFILES: readonly ProviderProfile[] = [
  togetherProfile,
  groqProfile,
  cerebrasProfile,
  openAICompatibleProfile,
  cohereProfile,
  fireworksAiProfile,
  featherlessAiProfile,
  basetenProfile,
  publicaiProfile,
  ovhcloudProfile,
  scalewayProfile,
  deepinfraProfile,
  novitaProfile,
  nscaleProfile,
  hyperbolicProfile,
  sambanovaProfile,
  zaiOrgProfile,
  wavespeedProfile,
  replicateProfile,
  hfInferenceProfile,
  falAiProfile,
];

/**
 * The profile for `providerId`, or undefined when the kit has none.
 *
 * @example
 * findProviderProfile('groq')?.routes.chatCompletions; // '/openai/v1/chat/completions'
 */
export function findProviderProfile(providerId: string): ProviderProfile | undefined {
  return PROVIDER_PROFILES.find((profile) => profile.id === providerId);
}
