/** Money typed at the terminal: a plain decimal in USD, parsed exactly to nano-USD (never through a float). */
import { type NanoUsd, usdToNano } from '@tollgate/core';
import { CliError } from './cli-error.js';

/**
 * Throws a `CliError` naming `what` for anything but a non-negative decimal with at most nine decimals.
 *
 * @example parseUsdArgument('12.50', 'an amount'); // 12500000000n
 */
export function parseUsdArgument(value: string, what: string): NanoUsd {
  try {
    return usdToNano(value);
  } catch {
    throw new CliError(
      `'${value}' is not ${what}: give an amount in USD such as 25 or 12.50 (no sign, at most nine decimals).`,
    );
  }
}
