/**
 * `tollgate usage ACCOUNT`: where a user's or an organization's money went in one billing period: the credit
 * positions from the ledger and the breakdowns by model, provider, day and member from the request records, as
 * tables, JSON (nano-USD as strings beside USD decimals) or one CSV line per request.
 */
import {
  billingPeriodOf,
  isBillingPeriod,
  type MoneyDocument,
  type UsageRowDocument,
  UsageSummaryService,
  usageRecordsCsv,
  usageSummaryDocument,
} from '@tollgate/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findAccount } from '../find-account.js';
import { printJson } from '../print-json.js';
import { formatTable } from '../print-table.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface UsageOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly period?: string;
}

const usd = (amount: MoneyDocument | null) => (amount === null ? 'none' : `$${amount.usd}`);

function breakdownTable(title: string, rows: readonly UsageRowDocument[]): string {
  if (rows.length === 0) return `${title}: no requests.\n`;
  return `${title}\n${formatTable(
    [
      title.toUpperCase().replace(/^BY /, ''),
      'REQUESTS',
      'FAILED',
      'INPUT TOKENS',
      'OUTPUT TOKENS',
      'COST',
      'CHARGED',
    ],
    rows.map((row) => [
      row.name ?? row.key,
      String(row.requests),
      String(row.failedRequests),
      String(row.inputTokens),
      String(row.outputTokens),
      usd(row.cost),
      usd(row.charged),
    ]),
  )}`;
}

/** Adds `usage` to the program. */
export function registerUsageCommand(program: Command, context: CliContext): void {
  program
    .command('usage')
    .description("show a user's or an organization's usage and credits in one billing period")
    .argument('<account>', 'a user name, or an organization name (or either id)')
    .option('--period <YYYY-MM>', 'the UTC month (default: the current one)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .addOption(new Option('--csv', 'print one CSV line per request of the period').conflicts('json'))
    .action(async (accountName: string, options: UsageOptions) => {
      const period = options.period ?? billingPeriodOf(new Date());
      if (!isBillingPeriod(period)) {
        throw new CliError(
          `--period must be a UTC month such as ${billingPeriodOf(new Date())}; got '${period}'.`,
        );
      }
      const location = await resolveStoreLocation(options, context);
      const { document, csv } = await withStore(location, { create: false }, async (store) => {
        const account = await findAccount(store, accountName);
        const summary = await new UsageSummaryService({
          ledger: store.ledger,
          requests: store.requests,
        }).summarize(account.id, period);
        const memberNames = new Map<string, string>();
        if (account.kind === 'organization') {
          for (const member of await store.organizations.listMembers(account.id)) {
            memberNames.set(member.user.id, member.user.name);
          }
        } else {
          memberNames.set(account.id, account.name);
        }
        // An operator sees everything, members included.
        return {
          document: usageSummaryDocument(summary, { account, memberNames, showMembers: true }),
          csv: options.csv === true ? usageRecordsCsv(summary.records) : undefined,
        };
      });
      if (csv !== undefined) {
        context.stdout.write(csv);
        return;
      }
      if (options.json === true) {
        printJson(context.stdout, document);
        return;
      }
      const out = context.stdout;
      out.write(
        formatTable(
          ['ACCOUNT', 'PERIOD', 'REQUESTS', 'FAILED', 'CHARGED', 'COST', 'HELD'],
          [
            [
              `${document.account.kind} ${document.account.name}`,
              document.period,
              String(document.requests),
              String(document.failedRequests),
              usd(document.charged),
              usd(document.cost),
              usd(document.held),
            ],
          ],
        ),
      );
      out.write('\nCredits\n');
      out.write(
        formatTable(
          ['CREDITS', 'GRANTED', 'USED', 'LEFT'],
          [
            [
              'included (this month)',
              usd(document.included.granted),
              usd(document.included.used),
              usd(document.included.left),
            ],
            [
              'prepaid (to date)',
              usd(document.prepaid.granted),
              usd(document.prepaid.used),
              usd(document.prepaid.left),
            ],
            ['pay-as-you-go', usd(document.payAsYouGo.limit), usd(document.payAsYouGo.spent), '-'],
          ],
        ),
      );
      for (const [title, rows] of [
        ['By model', document.byModel],
        ['By provider', document.byProvider],
        ['By day', document.byDay],
        ...(document.account.kind === 'organization'
          ? [['By member', document.byMember ?? []] as const]
          : []),
      ] as const) {
        out.write('\n');
        out.write(breakdownTable(title, rows));
      }
      if (!document.reconciliation.agrees) {
        context.stderr.write(
          `Warning: the request records do not agree with the ledger (unrecorded $${document.reconciliation.unrecorded.usd}; ` +
            `mismatched: ${document.reconciliation.mismatchedRequestIds.join(', ') || 'none'}). The ledger's figures are the charges.\n`,
        );
      }
    });
}
