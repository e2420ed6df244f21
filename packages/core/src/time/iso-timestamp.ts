/**
 * ISO-8601 text of an instant, as `Date#toISOString` gives it. Formatting a date costs V8 a printf (about 2 us), and
 * parsing one back a date parser's run; a busy gateway stamps several rows per request within a few milliseconds
 * (the request's start, its hold, its closing), so the texts of the last few milliseconds formatted are kept and
 * given again, and a text that is one of them is known to be canonical without parsing it.
 */
const SLOTS = 4;
const slotMilliseconds: number[] = new Array<number>(SLOTS).fill(Number.NaN);
const slotTexts: string[] = new Array<string>(SLOTS).fill('');
let nextSlot = 0;

/** @example isoTimestamp(Date.now()) // '2026-12-03T13:55:00.123Z' */
export function isoTimestamp(milliseconds: number): string {
  for (let slot = 0; slot < SLOTS; slot += 1) {
    if (slotMilliseconds[slot] === milliseconds) return slotTexts[slot] as string;
  }
  // Throws a RangeError for an invalid time, as toISOString does; the kept texts are left as they were.
  const text = new Date(milliseconds).toISOString();
  slotMilliseconds[nextSlot] = milliseconds;
  slotTexts[nextSlot] = text;
  nextSlot = (nextSlot + 1) % SLOTS;
  return text;
}

/**
 * A timestamp in the one form stored (so that text order is time order): the instant the text names, as
 * `toISOString` gives it. A text `isoTimestamp` gave lately is returned as it is; any other is parsed and formatted.
 * An invalid or impossible time throws a RangeError.
 *
 * @example canonicalIsoTimestamp('2026-12-03T14:55:00+01:00') // '2026-12-03T13:55:00.000Z'
 */
export function canonicalIsoTimestamp(text: string): string {
  for (let slot = 0; slot < SLOTS; slot += 1) {
    // An empty slot's NaN keeps '' from passing as a kept text.
    if (slotTexts[slot] === text && !Number.isNaN(slotMilliseconds[slot])) return text;
  }
  return isoTimestamp(Date.parse(text));
}
