/** Reads fal's `x-fal-billable-units` header: how many of the model's billing units fal charged for a result. */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * The header's decimal value in thousandths of a unit, rounded up past the third decimal so a charge is never
 * metered below what fal billed; `undefined` when the header is absent or not a plain decimal. The unit is the
 * model's own: megapixels for FLUX, seconds of video for Wan, blocks of 1000 characters for Kokoro, compute
 * seconds for Whisper (fal-js reads the header on every response into `billableUnits`). Parsed as text, never
 * as a float, because it ends up in money.
 *
 * @example
 * parseBillableUnits('3.008'); // 3008
 * parseBillableUnits('1'); // 1000
 * parseBillableUnits('0.00011'); // 1
 */
export function parseBillableUnits(header: string | undefined): number | undefined {
  const match = DECIMAL.exec(header?.trim() ?? '');
  if (match === null) return undefined;
  const [, whole = '0', fraction = ''] = match;
  const kept = fraction.slice(0, 3).padEnd(3, '0');
  const roundsUp = /[1-9]/.test(fraction.slice(3)) ? 1 : 0;
  const thousandths = Number(whole) * 1000 + Number(kept) + roundsUp;
  return Number.isSafeInteger(thousandths) ? thousandths : undefined;
}
