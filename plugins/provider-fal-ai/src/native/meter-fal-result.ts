/** What a finished fal result read through a native route is billed for. */
import type { RateCardV1, UsageV1 } from '@tollgate/provider-spec';
import { billedMilliMegapixels } from '../billed-milli-megapixels.js';
import { falUsage } from '../fal-usage.js';

const dimension = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

/**
 * The amount the result itself shows fal bills, in thousandths of the card's unit, when it shows one: the
 * megapixels (or number) of the images it returned. Video frames and speech characters are facts of the request,
 * which a result read on its own does not carry.
 */
function shownThousandths(card: RateCardV1 | undefined, body: unknown): number | undefined {
  const images = body != null && typeof body === 'object' ? (body as { images?: unknown }).images : undefined;
  if (!Array.isArray(images) || images.length === 0) return undefined;
  if (card?.perMegapixel !== undefined) {
    return billedMilliMegapixels(
      images.map((image) => {
        const record = image != null && typeof image === 'object' ? (image as Record<string, unknown>) : {};
        return { width: dimension(record.width), height: dimension(record.height) };
      }),
    );
  }
  return card?.perImage !== undefined ? images.length * 1000 : undefined;
}

/**
 * Meter a model's output (a synchronous answer or a queue result) in the unit the model's rate card prices, as
 * the task handlers do: fal's own `x-fal-billable-units` header, which fal sends with every result, else what
 * the result shows (image sizes). A result that shows neither is not billed rather than guessed at.
 *
 * @example
 * meterFalResult({ perMegapixel: '0.025' }, { 'x-fal-billable-units': '2' }, body); // { milliMegapixels: 2000 }
 * meterFalResult({ perMegapixel: '0.025' }, {}, { images: [{ width: 1024, height: 768 }] }); // { milliMegapixels: 1000 }
 */
export function meterFalResult(
  card: RateCardV1 | undefined,
  headers: Readonly<Record<string, string>>,
  body: unknown,
): UsageV1 {
  return falUsage(card, headers, shownThousandths(card, body));
}
