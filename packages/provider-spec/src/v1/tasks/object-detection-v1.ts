/** The public shape of `object-detection`, after Hugging Face's task specification. */
import type { MediaV1 } from './media-v1.js';

export interface ObjectDetectionInputV1 {
  /** The image to search. */
  readonly inputs: MediaV1;
  readonly parameters?: {
    /** The score a detection needs to be returned. */
    readonly threshold?: number;
  };
}

/** A box in pixels of the input image: top-left `(xmin, ymin)`, bottom-right `(xmax, ymax)`. */
export interface BoundingBoxV1 {
  readonly xmin: number;
  readonly ymin: number;
  readonly xmax: number;
  readonly ymax: number;
}

export interface ObjectDetectionElementV1 {
  readonly label: string;
  readonly score: number;
  readonly box: BoundingBoxV1;
}

export type ObjectDetectionOutputV1 = readonly ObjectDetectionElementV1[];
