/** What one fal result meters, in the unit the model's rate card prices. */
import type { RateCardV1, UsageV1 } from '@tollgate/provider-spec';
import { parseBillableUnits } from './parse-billable-units.js';

const BILLABLE_UNITS_HEADER = 'x-fal-billable-units';

/**
 * Meter a result by what fal billed: the `x-fal-billable-units` header when fal sent it, otherwise the amount
 * the result itself shows (`billedThousandths`, e.g. megapixels from the returned image sizes). Both are in
 * thousandths of the model's unit, and the unit is whichever the card prices: per megapixel, per second of
 * video, audio or compute, per image, or per request. Only that one unit is reported, so every metered unit has a
 * price; a model without a card (an operator's own mapping) reports nothing rather than a guess.
 *
 * @example
 * falUsage({ perMegapixel: '0.025' }, { 'x-fal-billable-units': '2' }, 1000); // { milliMegapixels: 2000 }
 * falUsage({ perVideoSecond: '0.08' }, {}, 5063); // { videoMilliseconds: 5063 }
 */
export function falUsage(
  card: RateCardV1 | undefined,
  headers: Readonly<Record<string, string>>,
  billedThousandths: number | undefined,
): UsageV1 {
  // An unreadable header is not fal's statement of anything; the result's own facts are the better measure.
  const thousandths = parseBillableUnits(headers[BILLABLE_UNITS_HEADER]) ?? billedThousandths;
  if (card === undefined || thousandths === undefined) return {};
  const whole = Math.ceil(thousandths / 1000);
  if (card.perMegapixel !== undefined) return { milliMegapixels: thousandths };
  if (card.perVideoSecond !== undefined) return { videoMilliseconds: thousandths };
  if (card.perAudioSecond !== undefined) return { audioMilliseconds: thousandths };
  if (card.perComputeSecond !== undefined) return { computeMilliseconds: thousandths };
  if (card.perImage !== undefined) return { images: whole };
  if (card.perRequest !== undefined) return { requests: whole };
  return {};
}
