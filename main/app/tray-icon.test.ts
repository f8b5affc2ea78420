import { describe, expect, it } from 'vitest';
import { STATE_COLORS, trayIconBitmap } from './tray-icon.js';

describe('trayIconBitmap', () => {
  it('draws a BGRA dot in the state colour: opaque centre, transparent corners', () => {
    const size = 16;
    const pixels = trayIconBitmap('focus', size);
    expect(pixels.length).toBe(size * size * 4);
    const at = (x: number, y: number) => [
      ...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
    ];
    const [r, g, b] = STATE_COLORS.focus;
    expect(at(8, 8)).toEqual([b, g, r, 255]);
    expect(at(0, 0)[3]).toBe(0);
    expect(at(15, 15)[3]).toBe(0);
  });

  it('differs per state and scales', () => {
    expect(trayIconBitmap('available').equals(trayIconBitmap('away'))).toBe(false);
    expect(trayIconBitmap(null, 32).length).toBe(32 * 32 * 4);
  });
});
