import { describe, expect, it } from 'vitest';
import { readComputeUsage } from './read-compute-usage.js';

describe('readComputeUsage', () => {
  it('reads the inference server’s three-decimal x-compute-time as milliseconds', () => {
    expect(readComputeUsage({ 'x-compute-time': '0.048', 'x-compute-type': 'cpu' })).toEqual({
      computeMilliseconds: 48,
    });
    expect(readComputeUsage({ 'x-compute-time': '12.5' })).toEqual({ computeMilliseconds: 12_500 });
    expect(readComputeUsage({ 'x-compute-time': '3' })).toEqual({ computeMilliseconds: 3000 });
  });

  it('rounds a partial millisecond up, as TGI reports nine decimals', () => {
    expect(readComputeUsage({ 'x-compute-time': '0.111191439' })).toEqual({ computeMilliseconds: 112 });
    expect(readComputeUsage({ 'x-compute-time': '0.111000000' })).toEqual({ computeMilliseconds: 111 });
  });

  it('falls back to TGI’s x-inference-time in milliseconds', () => {
    expect(readComputeUsage({ 'x-inference-time': '110', 'x-total-time': '111' })).toEqual({
      computeMilliseconds: 110,
    });
  });

  it('prefers x-compute-time when both are sent', () => {
    expect(readComputeUsage({ 'x-compute-time': '0.2', 'x-inference-time': '150' })).toEqual({
      computeMilliseconds: 200,
    });
  });

  it('reports nothing when no header says how long the call took, or the value is not a number', () => {
    expect(readComputeUsage({ 'content-type': 'application/json' })).toEqual({});
    expect(readComputeUsage({ 'x-compute-time': 'soon' })).toEqual({});
    expect(readComputeUsage({ 'x-compute-time': '-1' })).toEqual({});
    expect(readComputeUsage({ 'x-inference-time': '1.5' })).toEqual({});
  });
});
