/** Checks a WaveSpeed prediction request the way WaveSpeed's input schemas do, before a job is made. */
import type { RequestProblem } from '../../simulator/validate-chat-request.js';
import type { WavespeedModelSpec } from './wavespeed-catalog.js';

const SIZE = /^(\d+)\*(\d+)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface WavespeedRequestPlan {
  readonly width: number;
  readonly height: number;
  /** Images to make (image models). */
  readonly count: number;
  /** Clip length in seconds (video models). */
  readonly durationSeconds: number;
}

/** An image as WaveSpeed takes it: an http(s) URL, bare base64, or a base64 data URL. */
function isImage(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  if (/^https?:\/\//.test(value)) return true;
  const base64 = value.startsWith('data:') ? (value.split(',', 2)[1] ?? '') : value;
  return BASE64.test(base64.replace(/\s/g, ''));
}

function sizeProblem(size: unknown, spec: WavespeedModelSpec): RequestProblem | undefined {
  const match = typeof size === 'string' ? SIZE.exec(size) : null;
  if (!match) return { param: 'size', message: 'must be a string of the form "width*height"' };
  if (Array.isArray(spec.sizes)) {
    return spec.sizes.includes(size as string)
      ? undefined
      : { param: 'size', message: `must be one of ${spec.sizes.join(', ')}` };
  }
  const { min, max } = spec.sizes as { min: number; max: number };
  const sides = [Number(match[1]), Number(match[2])];
  return sides.every((side) => side >= min && side <= max)
    ? undefined
    : { param: 'size', message: `each side must be between ${min} and ${max} pixels` };
}

function problemOf(body: Record<string, unknown>, spec: WavespeedModelSpec): RequestProblem | undefined {
  if (spec.needs !== 'image' && (typeof body.prompt !== 'string' || body.prompt.trim() === ''))
    return { param: 'prompt', message: 'is required' };
  const images = Array.isArray(body.images) ? body.images : [];
  if (body.image !== undefined && !isImage(body.image))
    return { param: 'image', message: 'must be an image URL or base64-encoded image' };
  if (!images.every(isImage)) return { param: 'images', message: 'must hold image URLs or base64 images' };
  if (spec.needs !== 'prompt' && body.image === undefined && images.length === 0)
    return { param: 'image', message: 'is required' };
  if (body.size !== undefined) {
    const problem = sizeProblem(body.size, spec);
    if (problem) return problem;
  }
  if (spec.output === 'image' && body.num_images !== undefined) {
    const count = body.num_images;
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 4)
      return { param: 'num_images', message: 'must be an integer from 1 to 4' };
  }
  if (spec.output === 'video' && body.duration !== undefined) {
    if (spec.durations === undefined) return { param: 'duration', message: 'is not supported by this model' };
    if (!spec.durations.includes(body.duration as number))
      return { param: 'duration', message: `must be one of ${spec.durations.join(', ')}` };
  }
  if (body.loras !== undefined) {
    const loras = body.loras;
    const valid =
      Array.isArray(loras) &&
      loras.length <= 3 &&
      loras.every((lora) => typeof lora?.path === 'string' && typeof lora?.scale === 'number');
    if (!valid) return { param: 'loras', message: 'must be at most 3 items of {path, scale}' };
  }
  return undefined;
}

/**
 * The problem WaveSpeed would answer 400 for, or the plan of what to make.
 *
 * @example
 * planWavespeedRequest({ prompt: 'A fox', size: '832*480', duration: 5 }, wan21); // { plan: { width: 832, height: 480, count: 1, durationSeconds: 5 } }
 */
export function planWavespeedRequest(
  body: Record<string, unknown>,
  spec: WavespeedModelSpec,
): { readonly problem: RequestProblem } | { readonly plan: WavespeedRequestPlan } {
  const problem = problemOf(body, spec);
  if (problem) return { problem };
  const [, width, height] = SIZE.exec((body.size as string | undefined) ?? spec.defaultSize) ?? [];
  return {
    plan: {
      width: Number(width),
      height: Number(height),
      count: (body.num_images as number | undefined) ?? 1,
      // WaveSpeed's video models make 5-second clips by default.
      durationSeconds: (body.duration as number | undefined) ?? 5,
    },
  };
}
