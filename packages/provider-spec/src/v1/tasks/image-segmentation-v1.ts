/** The public shape of `image-segmentation`, after Hugging Face's task specification (masks as media, not base64). */
import type { MediaV1 } from './media-v1.js';

export interface ImageSegmentationInputV1 {
  /** The image to segment. */
  readonly inputs: MediaV1;
  readonly parameters?: {
    /** The threshold that turns predicted masks into black and white. */
    readonly mask_threshold?: number;
    /** Drops small disconnected segments whose overlap is below this. */
    readonly overlap_mask_area_threshold?: number;
    readonly subtask?: 'instance' | 'panoptic' | 'semantic';
    /** The score a mask needs to be returned. */
    readonly threshold?: number;
  };
}

export interface ImageSegmentationElementV1 {
  readonly label: string;
  /** Absent for semantic segmentation, which gives no confidence per segment. */
  readonly score?: number;
  /** The segment as a black-and-white image the size of the input (Hugging Face sends it as base64 PNG). */
  readonly mask: MediaV1;
}

export type ImageSegmentationOutputV1 = readonly ImageSegmentationElementV1[];
