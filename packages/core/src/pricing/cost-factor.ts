/**
 * The factor a provider not integrated with billing is charged by (decision 0022): its rate-card cost times this, on
 * the high side. An exact ratio of integers, never a float, so `ceil(cost x factor)` is exact.
 */
import type { NanoUsd } from './nano-usd.js';

export interface CostFactor {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** 1.25: Hugging Face charged non-integrated providers "usually higher than the actual cost"; see decision 0022. */
export const DEFAULT_ESTIMATED_COST_FACTOR: CostFactor = Object.freeze({ numerator: 5n, denominator: 4n });

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const RATIO = /^(\d+)\/(\d+)$/;

/**
 * Reads a factor written as an exact decimal (`"1.25"`) or a ratio of integers (`"5/4"`); throws a `RangeError` for
 * anything else, and for a factor below 1 (an estimate is never below the rate card).
 *
 * @example
 * parseCostFactor('1.25'); // { numerator: 125n, denominator: 100n }
 * parseCostFactor('4/3'); // { numerator: 4n, denominator: 3n }
 */
export function parseCostFactor(text: string): CostFactor {
  const trimmed = text.trim();
  const ratio = RATIO.exec(trimmed);
  const decimal = ratio === null ? DECIMAL.exec(trimmed) : null;
  let factor: CostFactor;
  if (ratio !== null) {
    factor = { numerator: BigInt(ratio[1] as string), denominator: BigInt(ratio[2] as string) };
  } else if (decimal !== null) {
    const fraction = decimal[2] ?? '';
    factor = {
      numerator: BigInt(`${decimal[1]}${fraction}`),
      denominator: 10n ** BigInt(fraction.length),
    };
  } else {
    throw new RangeError(
      `The estimated cost factor must be a decimal such as "1.25" or a ratio such as "5/4", got ${JSON.stringify(text)}.`,
    );
  }
  if (factor.denominator === 0n || factor.numerator < factor.denominator) {
    throw new RangeError(
      `The estimated cost factor must be at least 1 (an estimate is never below the rate card), got ${JSON.stringify(text)}.`,
    );
  }
  return factor;
}

/**
 * `ceil(cost x factor)`, in nano-USD.
 *
 * @example
 * applyCostFactor(3n, { numerator: 5n, denominator: 4n }); // 4n
 */
export function applyCostFactor(cost: NanoUsd, factor: CostFactor): NanoUsd {
  const scaled = cost * factor.numerator;
  return (scaled + factor.denominator - 1n) / factor.denominator;
}

/** The factor as written back for people: `"1.25"` when it is a short decimal, else `"n/d"`. */
export function formatCostFactor(factor: CostFactor): string {
  for (let digits = 0n; digits <= 6n; digits += 1n) {
    const scale = 10n ** digits;
    if ((factor.numerator * scale) % factor.denominator === 0n) {
      const value = (factor.numerator * scale) / factor.denominator;
      const whole = value / scale;
      const fraction = (value % scale).toString().padStart(Number(digits), '0');
      return digits === 0n ? whole.toString() : `${whole}.${fraction}`;
    }
  }
  return `${factor.numerator}/${factor.denominator}`;
}
