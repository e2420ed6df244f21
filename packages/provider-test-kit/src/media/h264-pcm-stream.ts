/**
 * A minimal H.264 (AVC) encoder that codes every macroblock as I_PCM: the samples are stored as they are, with
 * no prediction or transform. That is a few hundred lines less than a real encoder and still a standard
 * Constrained Baseline stream that every H.264 decoder (browsers, ffmpeg, QuickTime) plays; the price is size,
 * 384 bytes per 16x16 macroblock, which a simulator's short, low-frame-rate clips can afford.
 */
import { createBitWriter } from './bit-writer.js';

export interface H264PcmStream {
  /** The sequence parameter set NAL unit (with its header byte, without a start code). */
  readonly sps: Uint8Array;
  /** The picture parameter set NAL unit. */
  readonly pps: Uint8Array;
  readonly profileIdc: number;
  /** constraint_set flags byte, as avcC's profile_compatibility. */
  readonly constraintFlags: number;
  readonly levelIdc: number;
}

/** A frame in 4:2:0: full-resolution luma, half-resolution chroma, each row-major, at the macroblock-padded size. */
export interface PcmFrame {
  readonly luma: Uint8Array;
  readonly cb: Uint8Array;
  readonly cr: Uint8Array;
}

const PROFILE_BASELINE = 66;
/** constraint_set0 and constraint_set1: Constrained Baseline, the subset every decoder implements. */
const CONSTRAINED_BASELINE_FLAGS = 0xc0;
const NAL_IDR_SLICE = 5;
const NAL_SPS = 7;
const NAL_PPS = 8;
/** nal_ref_idc for parameter sets and IDR pictures: the highest, as encoders conventionally use. */
const NAL_REF_IDC_HIGHEST = 3;
const SLICE_TYPE_I_ALL = 7;
const MB_TYPE_I_PCM = 25;

/** The size in macroblocks, padded up to whole macroblocks. */
export function macroblocksOf(width: number, height: number): { columns: number; rows: number } {
  return { columns: Math.ceil(width / 16), rows: Math.ceil(height / 16) };
}

/** The lowest level whose frame-size limit (MaxFS, in macroblocks, Table A-1) fits the picture. */
function levelFor(macroblocks: number): number {
  const levels: readonly [number, number][] = [
    [99, 10],
    [396, 20],
    [792, 21],
    [1620, 30],
    [3600, 31],
    [5120, 32],
    [8192, 40],
    [8704, 42],
    [22080, 50],
    [36864, 51],
  ];
  return levels.find(([maxFrameSize]) => macroblocks <= maxFrameSize)?.[1] ?? 52;
}

/** Adds emulation-prevention bytes (00 00 0x -> 00 00 03 0x for x <= 3), turning an RBSP into NAL payload. */
function escapeRbsp(rbsp: Uint8Array): Uint8Array {
  const out = new Uint8Array(rbsp.length + Math.ceil(rbsp.length / 2) + 1);
  let length = 0;
  let zeros = 0;
  for (const value of rbsp) {
    if (zeros >= 2 && value <= 3) {
      out[length++] = 3;
      zeros = 0;
    }
    out[length++] = value;
    zeros = value === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, length);
}

function nalUnit(type: number, rbsp: Uint8Array): Uint8Array {
  const payload = escapeRbsp(rbsp);
  const nal = new Uint8Array(1 + payload.length);
  nal[0] = (NAL_REF_IDC_HIGHEST << 5) | type;
  nal.set(payload, 1);
  return nal;
}

/**
 * Parameter sets for a `width` x `height` picture (both even: 4:2:0 crops in steps of two pixels).
 *
 * @example
 * const stream = h264PcmParameterSets(320, 240); // stream.sps, stream.pps for the avcC box
 */
export function h264PcmParameterSets(width: number, height: number): H264PcmStream {
  const { columns, rows } = macroblocksOf(width, height);
  const levelIdc = levelFor(columns * rows);
  const sps = createBitWriter();
  sps.bits(PROFILE_BASELINE, 8);
  sps.bits(CONSTRAINED_BASELINE_FLAGS, 8);
  sps.bits(levelIdc, 8);
  sps.unsigned(0); // seq_parameter_set_id
  sps.unsigned(0); // log2_max_frame_num_minus4
  // Picture order from frame_num: every picture is an IDR shown in decoding order, so nothing more is needed.
  sps.unsigned(2); // pic_order_cnt_type
  sps.unsigned(1); // max_num_ref_frames
  sps.bits(0, 1); // gaps_in_frame_num_value_allowed_flag
  sps.unsigned(columns - 1); // pic_width_in_mbs_minus1
  sps.unsigned(rows - 1); // pic_height_in_map_units_minus1
  sps.bits(1, 1); // frame_mbs_only_flag
  sps.bits(1, 1); // direct_8x8_inference_flag
  const cropRight = (columns * 16 - width) / 2;
  const cropBottom = (rows * 16 - height) / 2;
  const crops = cropRight > 0 || cropBottom > 0;
  sps.bits(crops ? 1 : 0, 1); // frame_cropping_flag
  if (crops) {
    sps.unsigned(0); // left
    sps.unsigned(cropRight);
    sps.unsigned(0); // top
    sps.unsigned(cropBottom);
  }
  sps.bits(0, 1); // vui_parameters_present_flag
  sps.trailingBits();

  const pps = createBitWriter();
  pps.unsigned(0); // pic_parameter_set_id
  pps.unsigned(0); // seq_parameter_set_id
  pps.bits(0, 1); // entropy_coding_mode_flag: CAVLC
  pps.bits(0, 1); // bottom_field_pic_order_in_frame_present_flag
  pps.unsigned(0); // num_slice_groups_minus1
  pps.unsigned(0); // num_ref_idx_l0_default_active_minus1
  pps.unsigned(0); // num_ref_idx_l1_default_active_minus1
  pps.bits(0, 1); // weighted_pred_flag
  pps.bits(0, 2); // weighted_bipred_idc
  pps.signed(0); // pic_init_qp_minus26
  pps.signed(0); // pic_init_qs_minus26
  pps.signed(0); // chroma_qp_index_offset
  pps.bits(0, 1); // deblocking_filter_control_present_flag
  pps.bits(0, 1); // constrained_intra_pred_flag
  pps.bits(0, 1); // redundant_pic_cnt_present_flag
  pps.trailingBits();

  return {
    sps: nalUnit(NAL_SPS, sps.finish()),
    pps: nalUnit(NAL_PPS, pps.finish()),
    profileIdc: PROFILE_BASELINE,
    constraintFlags: CONSTRAINED_BASELINE_FLAGS,
    levelIdc,
  };
}

/**
 * One picture as a single IDR slice NAL unit of I_PCM macroblocks. `frame` holds samples at the padded size
 * (`columns * 16` wide). `idrPicId` must differ between consecutive IDR pictures.
 *
 * @example
 * const nal = h264PcmIdrSlice(frame, { columns: 20, rows: 15 }, 0);
 */
export function h264PcmIdrSlice(
  frame: PcmFrame,
  size: { readonly columns: number; readonly rows: number },
  idrPicId: number,
): Uint8Array {
  const lumaStride = size.columns * 16;
  const chromaStride = size.columns * 8;
  const slice = createBitWriter(size.columns * size.rows * 390 + 16);
  slice.unsigned(0); // first_mb_in_slice
  slice.unsigned(SLICE_TYPE_I_ALL);
  slice.unsigned(0); // pic_parameter_set_id
  slice.bits(0, 4); // frame_num (log2_max_frame_num = 4)
  slice.unsigned(idrPicId);
  slice.bits(0, 1); // no_output_of_prior_pics_flag
  slice.bits(0, 1); // long_term_reference_flag
  slice.signed(0); // slice_qp_delta
  for (let row = 0; row < size.rows; row += 1) {
    for (let column = 0; column < size.columns; column += 1) {
      slice.unsigned(MB_TYPE_I_PCM);
      slice.alignWithZeros(); // pcm_alignment_zero_bit
      for (let y = 0; y < 16; y += 1) {
        const start = (row * 16 + y) * lumaStride + column * 16;
        for (let x = 0; x < 16; x += 1) slice.byte(frame.luma[start + x]!);
      }
      for (const plane of [frame.cb, frame.cr]) {
        for (let y = 0; y < 8; y += 1) {
          const start = (row * 8 + y) * chromaStride + column * 8;
          for (let x = 0; x < 8; x += 1) slice.byte(plane[start + x]!);
        }
      }
    }
  }
  slice.trailingBits();
  return nalUnit(NAL_IDR_SLICE, slice.finish());
}
