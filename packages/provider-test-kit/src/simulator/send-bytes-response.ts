/** Writes a binary answer (an image, audio clip or video), acting out a `truncate` or `stall` fault halfway. */
import { abortableSleep } from './abortable-sleep.js';
import type { SimulatedExchange } from './simulated-exchange.js';
import { writeAndFlush } from './write-and-flush.js';

export interface BytesAnswer {
  readonly status: number;
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (simulated generation time). */
  readonly delayMs?: number;
}

/**
 * Sends `answer.bytes` with its content type and length. Under a `truncate` fault the connection is cut after
 * half the bytes, under `stall` the rest never comes.
 *
 * @example
 * await sendBytesResponse(exchange, { status: 200, bytes: encodePng({ width: 64, height: 64, seed }), contentType: 'image/png' });
 */
export async function sendBytesResponse(exchange: SimulatedExchange, answer: BytesAnswer): Promise<void> {
  if (!(await abortableSleep(answer.delayMs ?? 0, exchange.signal))) return;
  const { response, fault } = exchange;
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-type': answer.contentType,
    'content-length': String(answer.bytes.length),
  });
  if (fault?.kind === 'truncate' || fault?.kind === 'stall') {
    await writeAndFlush(response, answer.bytes.subarray(0, Math.floor(answer.bytes.length / 2)));
    if (fault.kind === 'truncate') exchange.cut();
    return;
  }
  response.end(answer.bytes);
}
