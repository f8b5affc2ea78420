import { describe, expect, it } from 'vitest';
import { SampleBuffer, formatValue, mbPerSec, median, p99, quantile } from './stats.js';

describe('stats', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('finds quantiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(p99(values)).toBe(99);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile(values, 0)).toBe(1);
    expect(quantile([7], 0.99)).toBe(7);
  });

  it('computes throughput and formats values with their unit', () => {
    expect(mbPerSec(50e6, 2000)).toBe(25);
    expect(formatValue(4.1234, '×')).toBe('4.12×');
    expect(formatValue(1234.5, 'ms')).toBe('1235 ms');
    expect(formatValue(0.0123, 'ms')).toBe('0.012 ms');
  });

  it('keeps many samples in a SampleBuffer and agrees with quantile()', () => {
    const buffer = new SampleBuffer();
    expect(buffer.quantile(0.99)).toBeNaN();
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) / 10);
    for (const v of values) buffer.add(v);
    expect(buffer.length).toBe(5000);
    for (const q of [0, 0.5, 0.99, 1]) expect(buffer.quantile(q)).toBe(quantile(values, q));
  });
});
