/** What one finished prediction meters, in the units WaveSpeed bills the model by. */
import type { RateCardV1, UsageV1 } from '@tollgate/provider-spec';

/** WaveSpeed's video models make a 5-second clip when the caller sets no `duration` (every model page says so). */
export const DEFAULT_VIDEO_SECONDS = 5;

export interface WavespeedOutputFacts {
  /** Images the prediction returned. */
  readonly images?: number;
  /** The clip length the caller asked for, in seconds, for a video. */
  readonly videoSeconds?: number;
}

/**
 * Meter a completed prediction against its model's rate card, reporting only the units that card prices, so the
 * bill is the model page's price exactly: per image (`images` returned), per video (`requests: 1`), per second of
 * video (the requested length, which is what WaveSpeed bills) or a per-video base plus a per-second part. A model
 * without a card is metered in the natural unit of its output (images, or one request per video).
 *
 * @example
 * wavespeedUsage({ perImage: '0.012' }, { images: 2 }); // { images: 2 }
 * wavespeedUsage({ perRequest: '0.10', perVideoSecond: '0.02' }, { videoSeconds: 10 }); // { requests: 1, videoMilliseconds: 10000 }
 */
export function wavespeedUsage(card: RateCardV1 | undefined, facts: WavespeedOutputFacts): UsageV1 {
  const usage: { -readonly [unit in keyof UsageV1]: UsageV1[unit] } = {};
  const isVideo = facts.videoSeconds !== undefined;
  if (card === undefined) return isVideo ? { requests: 1 } : { images: facts.images ?? 0 };
  if (card.perImage !== undefined && facts.images !== undefined) usage.images = facts.images;
  if (card.perRequest !== undefined) usage.requests = 1;
  if (card.perVideoSecond !== undefined && isVideo) usage.videoMilliseconds = facts.videoSeconds! * 1000;
  return usage;
}
