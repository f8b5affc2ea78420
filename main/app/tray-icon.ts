/** Tray icons drawn in code (no image files to ship): a filled dot in the colour of the state. */
import type { AvailabilityState } from '../../shared/domain.js';

/** Colour per state, [r, g, b]; null (starting) is grey. */
export const STATE_COLORS: Record<AvailabilityState | 'unknown', [number, number, number]> = {
  available: [46, 160, 67],
  focus: [130, 80, 223],
  meeting: [219, 109, 40],
  away: [207, 34, 46],
  'off-hours': [110, 119, 129],
  unknown: [140, 140, 140],
};

/**
 * A `size`×`size` BGRA bitmap (what nativeImage.createFromBitmap takes) of an anti-aliased dot in the
 * state's colour on a transparent background.
 */
export function trayIconBitmap(state: AvailabilityState | null, size = 16): Buffer {
  const [r, g, b] = STATE_COLORS[state ?? 'unknown'];
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size * 0.4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      // One pixel of soft edge: coverage falls from 1 to 0 across the rim.
      const coverage = Math.max(0, Math.min(1, radius - distance + 0.5));
      const i = (y * size + x) * 4;
      pixels[i] = b;
      pixels[i + 1] = g;
      pixels[i + 2] = r;
      pixels[i + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}
