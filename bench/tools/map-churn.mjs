// Where a process keeps making new hidden classes (V8 maps) once it is warm, from a V8 log of `--log-maps`.
//
// node bench/tools/stream-cost.mjs --json --requests 2000 --warmup 10000 \
//   --node-option=--log-maps --node-option=--logfile=/tmp/maps.log --node-option=--no-logfile-per-isolate
// node bench/tools/map-churn.mjs /tmp/maps.log [--tail 0.15] [--top 20] [--requests 2000]
//
// Not part of `pnpm bench`: a tool for finding code that gives objects of one shape a map each (on Node 20, an
// object that starts with a spread and then gains a key, or Node's own AbortSignal). Every such object misses the
// inline caches of the code that reads it. Reports the map events of the last `--tail` of the log (the measured
// requests, after the warm-up) by the function, line and column that caused them; with `--requests`, the number of
// requests that tail covers, also per request.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    tail: { type: 'string', default: '0.15' },
    top: { type: 'string', default: '20' },
    requests: { type: 'string', default: '' },
  },
});
const [logFile] = positionals;
if (logFile === undefined)
  throw new Error('usage: map-churn.mjs V8_LOG [--tail FRACTION] [--top N] [--requests N]');

/** Code objects by start address: `code-creation,<type>,<kind>,<time>,<start>,<size>,<name>,...`. */
const codes = [];
/** Map events: `map,<kind>,<time>,<from>,<to>,<pc>,<line>,<column>,<reason>,<name>`. */
const events = [];
for await (const line of createInterface({ input: createReadStream(logFile) })) {
  if (line.startsWith('code-creation,')) {
    const fields = line.split(',');
    const start = Number.parseInt(fields[4], 16);
    if (Number.isFinite(start)) codes.push({ start, end: start + Number(fields[5]), name: fields[6] ?? '?' });
  } else if (line.startsWith('map,')) {
    const fields = line.split(',');
    events.push({
      kind: fields[1],
      pc: Number.parseInt(fields[5], 16),
      at: `${fields[6]}:${fields[7]}`,
      key: fields.slice(9).join(',').slice(0, 40),
    });
  }
}
codes.sort((left, right) => left.start - right.start);

/** The function whose code holds `pc` (the latest code object created at or below it that spans it). */
function functionAt(pc) {
  let low = 0;
  let high = codes.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codes[middle].start <= pc) low = middle + 1;
    else high = middle - 1;
  }
  for (let index = high; index >= 0 && index > high - 50; index -= 1) {
    if (codes[index].start <= pc && pc < codes[index].end) return codes[index].name;
  }
  return '?';
}

const tail = events.slice(Math.floor(events.length * (1 - Number(values.tail))));
const counts = new Map();
for (const event of tail) {
  const site = `${event.kind} ${functionAt(event.pc).replace(/file:\/\/\S*?\/(packages|apps|plugins)\//, '$1/')} ${event.at} ${event.key}`;
  counts.set(site, (counts.get(site) ?? 0) + 1);
}
const perRequest = values.requests === '' ? undefined : Number(values.requests);
console.log(`${tail.length} map events in the last ${values.tail} of ${events.length}`);
for (const [site, count] of [...counts]
  .sort((left, right) => right[1] - left[1])
  .slice(0, Number(values.top))) {
  const rate = perRequest === undefined ? '' : ` (${(count / perRequest).toFixed(2)} a request)`;
  console.log(`${String(count).padStart(7)}${rate}  ${site}`);
}
