/** Reads this plugin's recorded-format WaveSpeed answers. */
import { readFileSync } from 'node:fs';

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/wavespeed-${name}.json`, import.meta.url), 'utf8'));
}
