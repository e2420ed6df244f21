// The paths a chat request can take to the mock upstream, named once for every module and the report.

/** @typedef {'direct' | 'proxy' | 'gateway-off' | 'gateway-on'} TargetName */

/** @typedef {'gateway-off' | 'gateway-on'} GatewayTargetName the gateway with billing off, and with it on */

/** Every target, in the order they are reported. */
export const TARGET_NAMES = /** @type {const} */ (['direct', 'proxy', 'gateway-off', 'gateway-on']);

/** The gateway's targets, billing off then on. */
export const GATEWAY_TARGET_NAMES = /** @type {const} */ (['gateway-off', 'gateway-on']);

/** Names as the report prints them. */
export const TARGET_LABELS = Object.freeze({
  direct: 'direct',
  proxy: 'bare proxy',
  'gateway-off': 'gateway billing off',
  'gateway-on': 'gateway billing on',
});

/** Short names for ratio columns. */
export const SHORT_LABELS = Object.freeze({
  direct: 'direct',
  proxy: 'proxy',
  'gateway-off': 'off',
  'gateway-on': 'on',
});
