/** Writes a JSON answer, acting out a `truncate` or `stall` fault halfway through the body. */
import { abortableSleep } from './abortable-sleep.js';
import type { SimulatedExchange } from './simulated-exchange.js';
import { writeAndFlush } from './write-and-flush.js';

export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (simulated generation time). */
  readonly delayMs?: number;
}

/**
 * Sends `answer` as `application/json`. Under a `truncate` fault the connection is cut after half the body,
 * under `stall` the rest never comes.
 *
 * @example
 * await sendJsonResponse(exchange, { status: 401, body: profile.errors.invalidKey().body });
 */
export async function sendJsonResponse(exchange: SimulatedExchange, answer: JsonAnswer): Promise<void> {
  if (!(await abortableSleep(answer.delayMs ?? 0, exchange.signal))) return;
  const bytes = Buffer.from(JSON.stringify(answer.body));
  const { response, fault } = exchange;
  // A profile may name its own JSON media type (Replicate's errors are `application/problem+json`).
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    ...answer.headers,
    'content-length': String(bytes.length),
  });
  if (fault?.kind === 'truncate' || fault?.kind === 'stall') {
    await writeAndFlush(response, bytes.subarray(0, Math.floor(bytes.length / 2)));
    if (fault.kind === 'truncate') exchange.cut();
    return;
  }
  response.end(bytes);
}
