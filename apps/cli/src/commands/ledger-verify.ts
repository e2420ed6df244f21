/** `tollgate ledger verify`: recomputes every balance from the ledger's entries and reports each broken invariant. */
import { type LedgerSnapshot, type LedgerViolation, verifyLedger } from '@tollgate/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { printJson } from '../print-json.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface LedgerVerifyOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

interface LedgerCounts {
  readonly entries: number;
  readonly holds: number;
  readonly settlements: number;
  readonly releases: number;
  readonly grants: number;
  readonly openHolds: number;
  readonly accounts: number;
  readonly periods: number;
}

function countsOf(snapshot: LedgerSnapshot): LedgerCounts {
  const kinds = { hold: 0, settle: 0, release: 0, grant: 0 } as Record<string, number>;
  for (const entry of snapshot.entries) kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
  return {
    entries: snapshot.entries.length,
    holds: kinds.hold ?? 0,
    settlements: kinds.settle ?? 0,
    releases: kinds.release ?? 0,
    grants: kinds.grant ?? 0,
    openHolds: snapshot.openHolds.length,
    accounts: snapshot.accounts.length,
    periods: snapshot.periods.length,
  };
}

function formatReport(counts: LedgerCounts, violations: readonly LedgerViolation[]): string {
  const lines = [
    `Entries: ${counts.entries} (${counts.holds} holds, ${counts.settlements} settlements, ${counts.releases} releases, ${counts.grants} grants)`,
    `Open holds: ${counts.openHolds}`,
    `Balances: ${counts.accounts} accounts, ${counts.periods} account periods`,
  ];
  if (violations.length === 0) {
    lines.push('Ledger verified: every balance equals its entries and no invariant is broken.');
  } else {
    lines.push(`Ledger NOT verified: ${violations.length} violation(s):`);
    for (const violation of violations) lines.push(`  ${violation.code}: ${violation.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Adds `verify` under the `ledger` command; exits 1 when the ledger breaks an invariant. */
export function registerLedgerVerifyCommand(ledger: Command, context: CliContext): void {
  ledger
    .command('verify')
    .description(
      'check every ledger invariant (each hold closed at most once, no double charge, no overspending, balances equal their entries); exits 1 on a violation',
    )
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (options: LedgerVerifyOptions) => {
      const location = await resolveStoreLocation(options, context);
      const snapshot = await withStore(location, { create: false }, (store) => store.ledger.snapshot());
      const violations = verifyLedger(snapshot);
      const counts = countsOf(snapshot);
      if (options.json) {
        printJson(context.stdout, { verified: violations.length === 0, counts, violations });
      } else {
        context.stdout.write(formatReport(counts, violations));
      }
      if (violations.length > 0) {
        throw new CliError(`The ledger breaks ${violations.length} invariant(s); see the report above.`);
      }
    });
}
