import { describe, expect, it } from 'vitest';
import { ProviderOrganizations } from './provider-organizations.js';

describe('ProviderOrganizations', () => {
  it("names each provider's Hub organization, the provider's own name when the table has none", () => {
    const organizations = new ProviderOrganizations();
    expect(organizations.organizationOf('fal-ai')).toBe('fal');
    expect(organizations.organizationOf('together')).toBe('togethercomputer');
    expect(organizations.organizationOf('cohere')).toBe('CohereLabs');
    expect(organizations.organizationOf('acme-inference')).toBe('acme-inference');
  });

  it("lets the operator's configuration override and extend the table", () => {
    const organizations = new ProviderOrganizations({
      'fal-ai': { organization: 'fal-staff' },
      'acme-inference': { organization: 'acme' },
      groq: { enabled: true },
    });
    expect(organizations.organizationOf('fal-ai')).toBe('fal-staff');
    expect(organizations.organizationOf('acme-inference')).toBe('acme');
    expect(organizations.organizationOf('groq')).toBe('groq');
  });

  it.each([
    ['zai-org', 'zai-org/GLM-4.6', true],
    ['cohere', 'CohereLabs/c4ai-command-a-03-2025', true],
    ['together', 'togethercomputer/Refuel-Llm-V2', true],
    ['fal-ai', 'fal/AuraFlow', true],
    ['fal-ai', 'fal-ai/AuraFlow', false],
    ['groq', 'openai/gpt-oss-120b', false],
    ['groq', 'groq', false],
  ])('isModelAuthor: %s serving %s is %s', (providerId, hfModelId, expected) => {
    expect(new ProviderOrganizations().isModelAuthor(providerId, hfModelId)).toBe(expected);
  });

  it("follows the operator's organization for isModelAuthor", () => {
    const organizations = new ProviderOrganizations({ groq: { organization: 'openai' } });
    expect(organizations.isModelAuthor('groq', 'openai/gpt-oss-120b')).toBe(true);
  });
});
