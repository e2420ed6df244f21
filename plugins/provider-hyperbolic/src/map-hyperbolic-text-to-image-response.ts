/** Reads Hyperbolic's `{ images: [{ index, image }] }` answer, each image base64, into public media. */
import { decodeBase64, sniffMediaType } from '@tollgate/openai-compatible';
import {
  type ImageGenerationOutputV1,
  type MediaV1,
  type TaskResultV1,
  UpstreamOutputError,
  type UpstreamResponseV1,
} from '@tollgate/provider-spec';

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
  const body = response.body as { images?: unknown } | null;
  const items = Array.isArray(body?.images) ? (body.images as { index?: unknown; image?: unknown }[]) : [];
  if (items.length === 0 || !items.every((item) => typeof item?.image === 'string')) {
    throw new UpstreamOutputError({
      message: 'hyperbolic returned images that cannot be used: it has no base64 images',
      providerId: 'hyperbolic',
    });
  }
  const ordered = [...items].sort((left, right) => Number(left.index ?? 0) - Number(right.index ?? 0));
  const images = ordered.map((item): MediaV1 => {
    const bytes = decodeBase64(item.image as string, 'hyperbolic');
    return { kind: 'bytes', bytes, contentType: sniffMediaType(bytes) ?? 'image/png' };
  });
  return { output: { images }, usage: { images: images.length } };
}
