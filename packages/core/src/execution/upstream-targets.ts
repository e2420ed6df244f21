/** Where each provider's calls go and how they authenticate, built once per provider from its settings. */
import type { ProviderPluginV1, UpstreamRequestV1 } from '@tollgate/provider-spec';
import type { UpstreamCall, UpstreamTarget } from '@tollgate/provider-utils';
import type { ProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import type { UpstreamCallOptions } from './upstream-call-options.js';

export class UpstreamTargets {
  /** Provider settings are fixed once the kernel starts, so each provider's target is built once. */
  private readonly targets = new Map<string, UpstreamTarget>();

  constructor(
    private readonly settings: ReadonlyMap<string, ProviderRuntimeSettings>,
    private readonly callOptions: UpstreamCallOptions,
  ) {}

  /**
   * `apiKey` replaces the gateway's key for one call: the caller's own key (a custom-key request).
   *
   * @example const target = targets.target(plugin, ownKey);
   */
  target(plugin: ProviderPluginV1, apiKey?: string): UpstreamTarget {
    const target = this.gatewayTarget(plugin);
    return apiKey === undefined ? target : { ...target, apiKey };
  }

  private gatewayTarget(plugin: ProviderPluginV1): UpstreamTarget {
    let target = this.targets.get(plugin.id);
    if (!target) {
      const settings = this.settings.get(plugin.id)!;
      target = {
        providerId: plugin.id,
        baseUrl: settings.baseUrl,
        auth: plugin.settings.auth,
        apiKey: settings.apiKey,
        headers: plugin.settings.headers,
      };
      this.targets.set(plugin.id, target);
    }
    return target;
  }

  /**
   * One call: the target, the request and the transport settings, as one literal. (Not `{ ...transport, request }`:
   * Node 20's V8 gives an object that starts with a spread and gains a key a map of its own, so every read of the
   * call further on would miss its inline cache.)
   *
   * @example callUpstream(targets.call(plugin, request, signal));
   */
  call(
    plugin: ProviderPluginV1,
    request: UpstreamRequestV1,
    signal: AbortSignal,
    apiKey?: string,
  ): UpstreamCall {
    const { dispatcher, headersTimeoutMs, bodyTimeoutMs, urlPolicy } = this.callOptions;
    return {
      target: this.target(plugin, apiKey),
      request,
      signal,
      dispatcher,
      headersTimeoutMs,
      bodyTimeoutMs,
      urlPolicy,
    };
  }
}
