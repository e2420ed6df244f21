/**
 * A `UsageSummary` as JSON and CSV for people and programs: every amount as nano-USD in a string (exact, no float)
 * beside the same amount in USD decimals. The HTTP usage API and the CLI print the same document.
 */
import { type NanoUsd, nanoToUsd } from '../pricing/nano-usd.js';
import type { RequestRecord } from '../store/request-record-repository.js';
import type { UsageBreakdownRow, UsageSummary } from './usage-summary.js';

/** `{ nanoUsd: '1500000', usd: '0.0015' }` */
export interface MoneyDocument {
  readonly nanoUsd: string;
  readonly usd: string;
}

export const money = (amount: NanoUsd): MoneyDocument => ({
  nanoUsd: amount.toString(),
  usd: nanoToUsd(amount),
});

export interface UsageRowDocument {
  readonly key: string;
  /** A readable name for the key (a member's user name), when known. */
  readonly name?: string;
  readonly requests: number;
  readonly failedRequests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cost: MoneyDocument;
  readonly charged: MoneyDocument;
}

export interface UsageSummaryDocument {
  readonly account: { readonly id: string; readonly name: string; readonly kind: 'user' | 'organization' };
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly included: {
    readonly granted: MoneyDocument;
    readonly used: MoneyDocument;
    readonly left: MoneyDocument;
  };
  readonly prepaid: {
    readonly granted: MoneyDocument;
    readonly used: MoneyDocument;
    readonly left: MoneyDocument;
    readonly usedThisPeriod: MoneyDocument;
  };
  readonly payAsYouGo: { readonly limit: MoneyDocument | null; readonly spent: MoneyDocument };
  readonly held: MoneyDocument;
  readonly charged: MoneyDocument;
  readonly cost: MoneyDocument;
  readonly requests: number;
  readonly failedRequests: number;
  readonly byModel: readonly UsageRowDocument[];
  readonly byProvider: readonly UsageRowDocument[];
  readonly byDay: readonly UsageRowDocument[];
  /** Null when the caller may not see other members' usage. */
  readonly byMember: readonly UsageRowDocument[] | null;
  readonly reconciliation: {
    readonly agrees: boolean;
    readonly ledgerCharged: MoneyDocument;
    readonly recordedCharged: MoneyDocument;
    readonly unrecorded: MoneyDocument;
    readonly mismatchedRequestIds: readonly string[];
  };
  /** Requests still waiting for their provider's reported cost: counted at their placeholder (decision 0021). */
  readonly pendingProviderCost: { readonly requests: number; readonly placeholder: MoneyDocument };
}

export interface UsageDocumentOptions {
  readonly account: UsageSummaryDocument['account'];
  /** Names for member user ids. */
  readonly memberNames?: ReadonlyMap<string, string>;
  /** False leaves `byMember` out (null). */
  readonly showMembers: boolean;
}

const row =
  (names?: ReadonlyMap<string, string>) =>
  (line: UsageBreakdownRow): UsageRowDocument => ({
    key: line.key,
    ...(names?.has(line.key) ? { name: names.get(line.key) as string } : {}),
    requests: line.requests,
    failedRequests: line.failedRequests,
    inputTokens: line.inputTokens,
    outputTokens: line.outputTokens,
    cost: money(line.costNanoUsd),
    charged: money(line.chargedNanoUsd),
  });

/**
 * @example
 * reply.send(usageSummaryDocument(summary, { account: { id, name: 'ada', kind: 'user' }, showMembers: false }));
 */
export function usageSummaryDocument(
  summary: UsageSummary,
  options: UsageDocumentOptions,
): UsageSummaryDocument {
  return {
    account: options.account,
    period: summary.period,
    from: summary.from,
    to: summary.to,
    included: {
      granted: money(summary.included.grantedNanoUsd),
      used: money(summary.included.usedNanoUsd),
      left: money(summary.included.leftNanoUsd),
    },
    prepaid: {
      granted: money(summary.prepaid.grantedNanoUsd),
      used: money(summary.prepaid.usedNanoUsd),
      left: money(summary.prepaid.leftNanoUsd),
      usedThisPeriod: money(summary.prepaid.usedThisPeriodNanoUsd),
    },
    payAsYouGo: {
      limit: summary.payAsYouGo.limitNanoUsd === undefined ? null : money(summary.payAsYouGo.limitNanoUsd),
      spent: money(summary.payAsYouGo.spentNanoUsd),
    },
    held: money(summary.heldNanoUsd),
    charged: money(summary.chargedNanoUsd),
    cost: money(summary.costNanoUsd),
    requests: summary.requests,
    failedRequests: summary.failedRequests,
    byModel: summary.byModel.map(row()),
    byProvider: summary.byProvider.map(row()),
    byDay: summary.byDay.map(row()),
    byMember: options.showMembers ? summary.byMember.map(row(options.memberNames)) : null,
    reconciliation: {
      agrees: summary.reconciliation.agrees,
      ledgerCharged: money(summary.reconciliation.ledgerChargedNanoUsd),
      recordedCharged: money(summary.reconciliation.recordedChargedNanoUsd),
      unrecorded: money(summary.reconciliation.unrecordedNanoUsd),
      mismatchedRequestIds: summary.reconciliation.mismatchedRequestIds,
    },
    pendingProviderCost: {
      requests: summary.pendingProviderCost.requests,
      placeholder: money(summary.pendingProviderCost.placeholderNanoUsd),
    },
  };
}

const csvColumns = [
  'created_at',
  'request_id',
  'user_id',
  'token_id',
  'billed_to_organization_id',
  'provider',
  'model',
  'provider_model',
  'task',
  'status',
  'http_status',
  'streamed',
  'billing_mode',
  'input_tokens',
  'output_tokens',
  'cached_input_tokens',
  'images',
  'milli_megapixels',
  'compute_ms',
  'audio_ms',
  'video_ms',
  'latency_ms',
  'cost_nano_usd',
  'charged_nano_usd',
  'charged_usd',
  'provider_cost',
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const csvField = (value: string | number | boolean | undefined): string => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * One line per request of the period, charges as the ledger settled them (RFC 4180, CRLF line ends).
 *
 * @example
 * reply.type('text/csv').send(usageRecordsCsv(summary.records));
 */
export function usageRecordsCsv(
  records: readonly (RequestRecord & { readonly ledgerChargedNanoUsd: NanoUsd })[],
): string {
  const lines = records.map((record) =>
    [
      record.createdAt,
      record.requestId,
      record.userId,
      record.tokenId,
      record.billedToOrganizationId,
      record.providerId,
      record.hfModelId,
      record.providerModelId,
      record.task,
      record.status,
      record.httpStatus,
      record.streamed,
      record.billingMode,
      record.units.inputTokens,
      record.units.outputTokens,
      record.units.cachedInputTokens,
      record.units.images,
      record.units.milliMegapixels,
      record.units.computeMilliseconds,
      record.units.audioMilliseconds,
      record.units.videoMilliseconds,
      record.latencyMs,
      record.costNanoUsd?.toString(),
      record.ledgerChargedNanoUsd.toString(),
      nanoToUsd(record.ledgerChargedNanoUsd),
      record.providerCost,
    ]
      .map(csvField)
      .join(','),
  );
  return `${[csvColumns.join(','), ...lines].join('\r\n')}\r\n`;
}
