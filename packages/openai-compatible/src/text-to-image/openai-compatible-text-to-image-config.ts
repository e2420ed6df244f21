/** The knobs a provider turns to fit the shared `/v1/images/generations` handler. */
import type { ImageSizeV1 } from '@tollgate/provider-spec';
import type { OpenAICompatibleTaskConfig } from '../shared-task-config.js';

/** Hugging Face's generation parameters that OpenAI's images API has no field for. */
export type ImageParameterName = 'num_inference_steps' | 'guidance_scale' | 'negative_prompt' | 'seed';

/** What the provider bills an image by, which decides the usage reported. */
export type ImageMeter =
  /** A price per image: report the number of images returned. */
  | { readonly kind: 'images' }
  /**
   * A price per megapixel: report the requested width x height of every image returned, or `defaultSize` (the
   * size the provider documents it makes) when the caller named none.
   */
  | { readonly kind: 'megapixels'; readonly defaultSize: ImageSizeV1 };

export interface OpenAICompatibleTextToImageConfig extends OpenAICompatibleTaskConfig {
  /** Default `/v1/images/generations`. */
  readonly path?: string;
  /** Where the model id goes; default `model`. */
  readonly modelField?: string;
  /** OpenAI's `size: "WxH"` (the default), or separate `width` and `height` fields. */
  readonly size?: 'size' | 'width-height';
  /**
   * The `response_format` value to send: `b64_json` (OpenAI's base64, the default), another provider's word for
   * base64 (Together's `base64`), `url` for a link on the provider's CDN, or `null` to send none.
   */
  readonly responseFormat?: string | null;
  /**
   * The provider's field name for each Hugging Face parameter it accepts (Together: `num_inference_steps` is
   * `steps`). A parameter with no name here is not sent: OpenAI's images API has none of them.
   */
  readonly parameterNames?: Readonly<Partial<Record<ImageParameterName, string>>>;
  /** Default `{ kind: 'images' }`. */
  readonly meter?: ImageMeter;
}
