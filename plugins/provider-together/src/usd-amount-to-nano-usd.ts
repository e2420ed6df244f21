/** Turns a USD amount a provider states as a JSON number into integer nano-USD, without float arithmetic. */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const NANO_DIGITS = 9;

/**
 * The amount in nano-USD, rounded up to a whole nano-USD: the number is read through its shortest decimal
 * spelling (what the provider wrote in its JSON), so `0.56` is exactly 560000000n. Undefined for anything that
 * is not a finite, non-negative number.
 *
 * @example
 * usdAmountToNanoUsd(0.56); // 560000000n
 * usdAmountToNanoUsd(1.2e-10); // 1n
 */
export function usdAmountToNanoUsd(amount: unknown): bigint | undefined {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return undefined;
  // Small amounts print in exponent form; 20 decimals hold every digit a double can carry below 1e-7.
  const spelled = String(amount).includes('e') ? amount.toFixed(20) : String(amount);
  const match = DECIMAL.exec(spelled);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const kept =
    BigInt(match[1]!) * 10n ** BigInt(NANO_DIGITS) +
    BigInt(fraction.slice(0, NANO_DIGITS).padEnd(NANO_DIGITS, '0'));
  return /[1-9]/.test(fraction.slice(NANO_DIGITS)) ? kept + 1n : kept;
}
