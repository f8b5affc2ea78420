import { describe, expect, it } from 'vitest';
import { untilPickHash, untilPickOf } from '../../../shared/dashboard-address.js';
import { clientDetailHash, parseRoute, screenHash } from './routes.js';

const SCREENS = ['status', 'overview', 'settings'];

describe('dashboard addresses', () => {
  it('name a screen or a client, and ignore a query meant for the screen', () => {
    expect(parseRoute(screenHash('overview'), SCREENS)).toEqual({ screen: 'overview' });
    expect(parseRoute(clientDetailHash('a b/c'), SCREENS)).toEqual({ client: 'a b/c' });
    expect(parseRoute(untilPickHash('unavailable'), SCREENS)).toEqual({ screen: 'status' });
    expect(parseRoute('#nowhere', SCREENS)).toBeNull();
    expect(parseRoute('', SCREENS)).toBeNull();
  });

  it('carry the tray’s "Until…" request for one mode, and nothing else', () => {
    expect(untilPickOf(untilPickHash('available'))).toBe('available');
    expect(untilPickOf(untilPickHash('unavailable'))).toBe('unavailable');
    expect(untilPickOf('#status')).toBeNull();
    expect(untilPickOf('#status?until=later')).toBeNull();
    expect(untilPickOf('#settings?until=available')).toBeNull();
  });
});
