// The CPU and instruction cost of a fixed number of streamed chat completions through one proxying process.
//
// node bench/tools/stream-cost.mjs --target gateway|proxy [--root DIR] [--requests N] [--warmup N] [--concurrency C]
//   [--json] [--callgrind] [--chunks N] [--cpu-prof DIR] [--strace FILE] [--store sqlite|postgres]
//   [--node-option FLAG]...
// --json sends JSON (not streamed) completions instead.
// Not part of `pnpm bench`: a tool for comparing builds (see bench/README.md, 'Comparing two builds').
// Prints CPU per request (utime + stime of the proxying process over the measured requests) and, under
// --callgrind, instructions per request (valgrind's count between switching instrumentation on and off; kernel time is not in it), which do not
// depend on what else the machine runs.
import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { Pool } from 'undici';
import { createBenchDatabase } from '../lib/bench-database.mjs';
import { spawnNode } from '../lib/child-processes.mjs';
import { findFreePort } from '../lib/free-port.mjs';
import { createBenchToken } from '../lib/gateway-process.mjs';
import { readCpuSeconds } from '../lib/process-stats.mjs';
import { waitForStatus } from '../lib/wait-for-status.mjs';

const execFileAsync = promisify(execFile);

/** utime and stime in clock ticks (10 ms). */
function readSplit(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(fields[11]), Number(fields[12])];
}
const here = path.dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    target: { type: 'string', default: 'gateway' },
    root: { type: 'string', default: path.resolve(here, '../..') },
    requests: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    chunks: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    callgrind: { type: 'boolean', default: false },
    out: { type: 'string', default: '' },
    'cpu-prof': { type: 'string', default: '' },
    strace: { type: 'string', default: '' },
    // Passed to the proxying process's node, e.g. --node-option=--log-maps (see tools/map-churn.mjs).
    'node-option': { type: 'string', multiple: true, default: [] },
    // postgres: a fresh database on TOLLGATE_DATABASE_URL's server (default the local test one), dropped at the end.
    store: { type: 'string', default: 'sqlite' },
  },
});
const requests = Number(values.requests);
const warmup = Number(values.warmup);
const concurrency = Number(values.concurrency);
const root = path.resolve(values.root);

const mock = spawnNode(
  [
    path.join(here, '../lib/mock-upstream.mjs'),
    JSON.stringify({ chunkCount: Number(values.chunks), chunkGapMs: 0 }),
  ],
  { label: 'mock', cpu: 1 },
);
const mockUrl = await mock.waitForReady(10_000);

const callgrindOut = values.out || path.join(tmpdir(), `callgrind.${values.target}.${process.pid}.out`);
const wrap = (args) =>
  values.callgrind
    ? [
        'valgrind',
        '--tool=callgrind',
        '--instr-atstart=no',
        `--callgrind-out-file=${callgrindOut}`,
        process.execPath,
        ...args,
      ]
    : [
        process.execPath,
        ...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : []),
        ...values['node-option'],
        ...args,
      ];

let child;
/** The PostgreSQL database of `--store postgres`, dropped at the end, or on Ctrl-C once the gateway is stopped. */
let database;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    child?.kill('SIGKILL');
    await mock.stop().catch(() => {});
    await database?.drop().catch(() => {});
    process.exit(130);
  });
}
let origin;
let requestPath;
const headers = { 'content-type': 'application/json' };
if (values.target === 'proxy') {
  // The bare proxy announces its URL on stdout.
  const [command, ...args] = wrap([
    path.join(here, '../lib/bare-proxy.mjs'),
    JSON.stringify({ upstreamUrl: mockUrl, connections: 256 }),
  ]);
  child = spawn('taskset', ['-c', '0', command, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  origin = await new Promise((resolve) => {
    let text = '';
    child.stdout.on('data', (data) => {
      text += data;
      const match = /BENCH_READY (.*)\n/.exec(text);
      if (match) resolve(JSON.parse(match[1]).url);
    });
  });
  requestPath = '/openai/v1/chat/completions';
  headers.authorization = 'Bearer bench';
} else {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tollgate-stream-cost-'));
  if (values.store !== 'sqlite' && values.store !== 'postgres')
    throw new Error('--store is sqlite or postgres');
  database =
    values.store === 'postgres'
      ? await createBenchDatabase(
          root,
          process.env.TOLLGATE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        )
      : undefined;
  const { token } = await createBenchToken({
    repositoryRoot: root,
    dataDir,
    databaseUrl: database?.databaseUrl,
  });
  const port = await findFreePort();
  const [command, ...args] = wrap([path.join(root, 'apps/server/dist/main.js')]);
  child = spawn('taskset', ['-c', '0', command, ...args], {
    cwd: root,
    stdio: ['pipe', 'inherit', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      TOLLGATE_PORT: String(port),
      TOLLGATE_HOST: '127.0.0.1',
      TOLLGATE_DATA_DIR: dataDir,
      ...(database === undefined ? {} : { TOLLGATE_DATABASE_URL: database.databaseUrl }),
      TOLLGATE_LOG_LEVEL: 'warn',
      TOLLGATE_PROVIDER_GROQ_BASE_URL: mockUrl,
      GROQ_API_KEY: 'bench',
      // `TOLLGATE_BILLING=0` measures the billing-off path, as `pnpm bench --billing off` does.
      ...(process.env.TOLLGATE_BILLING ? { TOLLGATE_BILLING: process.env.TOLLGATE_BILLING } : {}),
    },
  });
  origin = `http://127.0.0.1:${port}`;
  await waitForStatus(`${origin}/ready`, {
    status: 200,
    timeoutMs: 300_000,
    stillRunning: () => child.exitCode === null,
  });
  requestPath = '/v1/chat/completions';
  headers.authorization = `Bearer ${token}`;
}
const body = JSON.stringify({
  model: 'openai/gpt-oss-120b:groq',
  messages: [{ role: 'user', content: 'Say hello in five words.' }],
  max_tokens: 32,
  stream: !values.json,
});
const pool = new Pool(origin, { connections: concurrency });
let lastText = '';
async function run(count) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const response = await pool.request({ method: 'POST', path: requestPath, headers, body });
      const text = await response.body.text();
      const complete = values.json ? text.includes('"usage"') : text.endsWith('data: [DONE]\n\n');
      if (response.statusCode !== 200 || !complete) {
        throw new Error(`bad answer ${response.statusCode}: ${text.slice(0, 300)}`);
      }
      lastText = text;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
await run(warmup);
if (values.callgrind) {
  await execFileAsync('callgrind_control', ['-z', String(child.pid)]);
  await execFileAsync('callgrind_control', ['--instr=on', String(child.pid)]);
}
let tracer;
if (values.strace) {
  tracer = spawn(
    'strace',
    [
      ...(process.env.STRACE_ARGS ? process.env.STRACE_ARGS.split(' ') : ['-c']),
      '-f',
      '-o',
      values.strace,
      '-p',
      String(child.pid),
    ],
    { stdio: 'ignore' },
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
const before = readCpuSeconds(child.pid);
const beforeSplit = readSplit(child.pid);
const startedAt = performance.now();
await run(requests);
const wallMs = performance.now() - startedAt;
const after = readCpuSeconds(child.pid);
const afterSplit = readSplit(child.pid);
if (tracer) {
  tracer.kill('SIGINT');
  await new Promise((resolve) => tracer.on('exit', resolve));
}
if (values.callgrind) {
  await execFileAsync('callgrind_control', ['--instr=off', String(child.pid)]);
  await execFileAsync('callgrind_control', ['-d', String(child.pid)]);
}
const cpuUs = ((after - before) * 1e6) / requests;
const result = {
  target: values.target,
  mode: values.json ? 'json' : 'stream',
  billing: process.env.TOLLGATE_BILLING ?? 'default',
  store: values.store,
  root,
  requests,
  concurrency,
  cpuUsPerRequest: Math.round(cpuUs),
  userUs: Math.round(((afterSplit[0] - beforeSplit[0]) * 1e4) / requests),
  systemUs: Math.round(((afterSplit[1] - beforeSplit[1]) * 1e4) / requests),
  wallMs: Math.round(wallMs),
  bytes: lastText.length,
};
if (values.callgrind) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // Only this run's dumps (`out`, `out.1`...), not another run's whose name starts the same.
  const dumps = readdirSync(path.dirname(callgrindOut))
    .filter(
      (name) => name === path.basename(callgrindOut) || name.startsWith(`${path.basename(callgrindOut)}.`),
    )
    .filter((name) => /^\d*$/.test(name.slice(path.basename(callgrindOut).length + 1)))
    .map((name) => path.join(path.dirname(callgrindOut), name));
  let total = 0;
  for (const file of dumps) {
    const { stdout: annotated } = await execFileAsync('callgrind_annotate', [file], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch(() => ({ stdout: '' }));
    const match = /^([\d,]+) .*PROGRAM TOTALS/m.exec(annotated);
    if (match) total += Number(match[1].replaceAll(',', ''));
  }
  result.instructionsPerRequest = Math.round(total / requests);
  result.callgrindFiles = dumps;
}
console.log(JSON.stringify(result));
await pool.close();
child.kill('SIGTERM');
await new Promise((resolve) => setTimeout(resolve, 2000));
if (child.exitCode === null) child.kill('SIGKILL');
await mock.stop();
await database?.drop();
process.exit(0);
