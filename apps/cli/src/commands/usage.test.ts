import path from 'node:path';
import { billingPeriodOf } from '@tollgate/core';
import { openSqliteStoreInDataDir } from '@tollgate/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';
import { type SandboxGateway, startSandboxGateway } from '../sandbox-gateway.test-helpers.js';

interface Money {
  readonly nanoUsd: string;
  readonly usd: string;
}

let sandbox: SandboxGateway;
const requestIds: string[] = [];

beforeAll(async () => {
  sandbox = await startSandboxGateway();
  for (const stream of [false, true, false]) {
    const response = await fetch(`${sandbox.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'openai/gpt-oss-120b:groq',
        messages: [{ role: 'user', content: 'Count my nano-dollars.' }],
        max_tokens: 16,
        stream,
      }),
    });
    expect(response.status).toBe(200);
    requestIds.push(response.headers.get('x-request-id')!);
    await response.text();
  }
  // Streams are recorded once settled, just after their last byte.
  const store = openSqliteStoreInDataDir(sandbox.dataDir);
  try {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await store.requests.find(requestIds[1]!)) === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await store.close();
  }
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
});

const usage = (...args: string[]) =>
  runTollgate(['usage', 'alice', '--data-dir', sandbox.dataDir, ...args], { cwd: sandbox.dataDir });

/** What the ledger settled for the requests, and the records' costs. */
async function ledgerFigures() {
  const store = openSqliteStoreInDataDir(sandbox.dataDir);
  try {
    const entries = await store.ledger.listEntries();
    const charged = entries
      .filter((entry) => entry.kind === 'settle' && requestIds.includes(entry.requestId))
      .reduce((sum, entry) => sum + entry.amountNanoUsd, 0n);
    let cost = 0n;
    for (const id of requestIds) cost += (await store.requests.find(id))?.costNanoUsd ?? 0n;
    return { charged, cost };
  } finally {
    await store.close();
  }
}

describe('tollgate usage', () => {
  it("prints the account's period as JSON: totals equal to the ledger's, amounts as nano-USD strings and USD", async () => {
    const run = await usage('--json');
    expect(run.exitCode).toBe(0);
    const document = JSON.parse(run.stdout) as {
      account: { kind: string; name: string };
      period: string;
      requests: number;
      charged: Money;
      cost: Money;
      included: { used: Money };
      byModel: { key: string; requests: number; charged: Money }[];
      byProvider: { key: string; charged: Money }[];
      reconciliation: { agrees: boolean };
    };
    const { charged, cost } = await ledgerFigures();
    expect(charged).toBeGreaterThan(0n);
    expect(document).toMatchObject({
      account: { kind: 'user', name: 'alice' },
      period: billingPeriodOf(new Date()),
      requests: 3,
      charged: { nanoUsd: charged.toString() },
      cost: { nanoUsd: cost.toString() },
      reconciliation: { agrees: true },
    });
    expect(document.included.used.nanoUsd).toBe(charged.toString());
    expect(document.byModel).toEqual([
      expect.objectContaining({ key: 'openai/gpt-oss-120b', requests: 3, charged: document.charged }),
    ]);
    expect(document.byProvider[0]).toMatchObject({ key: 'groq', charged: document.charged });
  });

  it('prints the summary and the breakdowns as tables', async () => {
    const run = await usage();
    expect(run.exitCode).toBe(0);
    const { charged } = await ledgerFigures();
    const dollars = `$${(JSON.parse((await usage('--json')).stdout) as { charged: Money }).charged.usd}`;
    expect(charged).toBeGreaterThan(0n);
    expect(run.stdout).toContain('user alice');
    expect(run.stdout).toContain(dollars);
    expect(run.stdout).toMatch(/By model\n.*MODEL.*\n.*openai\/gpt-oss-120b\s+3/);
    expect(run.stdout).toContain('By provider');
    expect(run.stdout).toContain('By day');
    expect(run.stdout).toContain('included (this month)');
  });

  it('exports one CSV line per request, and an empty month has none', async () => {
    const run = await usage('--csv');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^created_at,request_id,/);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[1])
        .sort(),
    ).toEqual([...requestIds].sort());
    const empty = await usage('--period', '2020-01', '--json');
    expect(JSON.parse(empty.stdout)).toMatchObject({
      period: '2020-01',
      requests: 0,
      charged: { nanoUsd: '0' },
    });
  });

  it('refuses a bad period and an unknown account', async () => {
    const bad = await usage('--period', '2026-1');
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('--period must be a UTC month');
    const cwd = temporaryDirectory();
    await runTollgate(['users', 'create', 'ada'], { cwd });
    const unknown = await runTollgate(['usage', 'nobody', '--data-dir', path.join(cwd, '.tollgate')], {
      cwd,
    });
    expect(unknown.exitCode).not.toBe(0);
    expect(unknown.stderr).toContain("No user or organization named 'nobody'");
  });
});
