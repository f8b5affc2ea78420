/**
 * Addresses into the dashboard that the tray opens: `#status?until=<mode>` opens the Status screen
 * with its "until a time" picker ready for that mode (the tray's "Until…" item). Shared so the app
 * and the renderer agree on the one spelling.
 */

/** The two override modes a picker can be opened for. */
export type OverrideMode = 'available' | 'unavailable';

/** The hash that opens the Status screen's time picker for `mode`. */
export function untilPickHash(mode: OverrideMode): string {
  return `#status?until=${mode}`;
}

/** The mode a hash asks the time picker for; null when it asks for none. */
export function untilPickOf(hash: string): OverrideMode | null {
  const match = /^#\/?status\?until=(available|unavailable)$/.exec(hash);
  return match?.[1] === 'available' || match?.[1] === 'unavailable' ? match[1] : null;
}
