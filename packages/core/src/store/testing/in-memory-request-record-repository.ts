/**
 * A `RequestRecordRepository` in a Map: the contract at its plainest, checked by the same conformance scenarios as
 * the real stores. For tests and direct calls without a database; nothing is persisted.
 */
import type { RequestRecord, RequestRecordRepository } from '../request-record-repository.js';

/**
 * @example
 * const log = new RequestLog({ repository: createInMemoryRequestRecordRepository() });
 */
export function createInMemoryRequestRecordRepository(): RequestRecordRepository {
  const records = new Map<string, RequestRecord>();
  const copy = (record: RequestRecord): RequestRecord => ({ ...record, units: { ...record.units } });
  return {
    async record(record) {
      if (records.has(record.requestId)) return 'existing';
      records.set(record.requestId, copy(record));
      return 'recorded';
    },
    async find(requestId) {
      const record = records.get(requestId);
      return record && copy(record);
    },
    async listForAccount({ accountId, from, to }) {
      const fromMs = Date.parse(from);
      const toMs = Date.parse(to);
      return [...records.values()]
        .filter((record) => {
          const at = Date.parse(record.createdAt);
          return record.accountId === accountId && at >= fromMs && at < toMs;
        })
        .sort(
          (left, right) =>
            Date.parse(left.createdAt) - Date.parse(right.createdAt) ||
            (left.requestId < right.requestId ? -1 : left.requestId > right.requestId ? 1 : 0),
        )
        .map(copy);
    },
    async reprice(requestId, repricing) {
      const record = records.get(requestId);
      if (record === undefined) return false;
      records.set(requestId, { ...record, ...repricing });
      return true;
    },
  };
}
