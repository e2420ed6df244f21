/** Reads Hyperbolic's `{ images: [{ index, image }] }` answer, each image base64, into public media. */
import { decodeBase64, sniffMediaType } from '@tollgate/openai-compatible';
import {
  type ImageGenerationOutputV1,
  type MediaV1,
  type TaskResultV1,
  UpstreamOutputError,
  type UpstreamResponseV1,
} from '@tollgate/provider-spec';

type HyperbolicImage = { index?: unknown; image?: unknown };

function imageItems(body: unknown): HyperbolicImage[] {
  const images = (body as { images?: unknown } | null)?.images;
  return Array.isArray(images) ? (images as HyperbolicImage[]) : [];
}

/**
 * The number of base64 images in Hyperbolic's answer, what it is billed by (per image); 0 for an answer without.
 * Shared by the routed task and the native route, so both bill the same answer alike.
 *
 * @example
 * hyperbolicImageCount({ images: [{ index: 0, image: 'iVBORw0KGgo...' }] }); // 1
 */
export function hyperbolicImageCount(body: unknown): number {
  const items = imageItems(body);
  return items.length > 0 && items.every((item) => typeof item?.image === 'string') ? items.length : 0;
}

/**
 * Each `images[].image` decoded to bytes, in `index` order, and the number of images as usage (Hyperbolic prices
 * images per image). A body without images is an `UpstreamOutputError`.
 *
 * @example
 * mapHyperbolicTextToImageResponse({ response }); // { output: { images: [{ kind: 'bytes', bytes, contentType: 'image/png' }] }, usage: { images: 1 } }
 */
export function mapHyperbolicTextToImageResponse({
  response,
}: {
  response: UpstreamResponseV1;
}): TaskResultV1<ImageGenerationOutputV1> {
  const count = hyperbolicImageCount(response.body);
  if (count === 0) {
    throw new UpstreamOutputError({
      message: 'hyperbolic returned images that cannot be used: it has no base64 images',
      providerId: 'hyperbolic',
    });
  }
  const ordered = [...imageItems(response.body)].sort(
    (left, right) => Number(left.index ?? 0) - Number(right.index ?? 0),
  );
  const images = ordered.map((item): MediaV1 => {
    const bytes = decodeBase64(item.image as string, 'hyperbolic');
    return { kind: 'bytes', bytes, contentType: sniffMediaType(bytes) ?? 'image/png' };
  });
  return { output: { images }, usage: { images: count } };
}
