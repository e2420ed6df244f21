/**
 * The per-label-set records behind the gateway's own counters and histograms. prom-client hashes and validates
 * the label object on every `inc`/`observe`, which is a measurable share of a proxied request; here a label set
 * is looked up by one joined string and its record updated in place, and prom-client's registry formats the
 * records only when `/metrics` is scraped.
 */

/** Label values are joined with a character that cannot appear in a sane label value. */
const SEPARATOR = '\u0001';

export class LabelledSeries<Record> {
  private readonly records = new Map<
    string,
    { labels: Readonly<globalThis.Record<string, string>>; record: Record }
  >();

  constructor(
    readonly labelNames: readonly string[],
    private readonly create: () => Record,
  ) {}

  /** The record for these label values (in `labelNames` order), created on first use. */
  get(values: readonly string[]): Record {
    if (values.length !== this.labelNames.length) {
      throw new TypeError(`Expected ${this.labelNames.length} label values (${this.labelNames.join(', ')})`);
    }
    const key = values.length === 1 ? values[0]! : values.join(SEPARATOR);
    let entry = this.records.get(key);
    if (!entry) {
      const labels: globalThis.Record<string, string> = {};
      this.labelNames.forEach((name, index) => {
        labels[name] = values[index]!;
      });
      entry = { labels, record: this.create() };
      this.records.set(key, entry);
    }
    return entry.record;
  }

  /** Every label set seen so far with its record. */
  entries(): IterableIterator<{ labels: Readonly<globalThis.Record<string, string>>; record: Record }> {
    return this.records.values();
  }

  clear(): void {
    this.records.clear();
  }
}
