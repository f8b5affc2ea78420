// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineSegment } from '../../../shared/domain.js';
import { ApiProvider } from '../api-context.js';
import { createFakeApi, focusStatus } from '../testing/fake-api.js';
import { TodayScreen, currentSegmentIndex, segmentMinutes } from './today-screen.js';

afterEach(cleanup);

const seg = (
  start: string,
  end: string,
  state: TimelineSegment['state'],
  reason: string,
): TimelineSegment => ({
  start,
  end,
  state,
  available: state === 'available',
  reason,
});

describe('timeline helpers', () => {
  const day = [
    seg('2025-03-03T00:00:00Z', '2025-03-03T09:00:00Z', 'off-hours', 'outside working hours'),
    seg('2025-03-03T09:00:00Z', '2025-03-03T09:00:30Z', 'meeting', 'in a meeting'),
    seg('2025-03-03T09:00:30Z', '2025-03-03T17:00:00Z', 'available', 'available'),
  ];
  it('sizes segments in minutes, never below one', () => {
    expect(day.map(segmentMinutes)).toEqual([540, 1, 480]);
  });
  it('finds the segment holding now (end exclusive)', () => {
    expect(currentSegmentIndex(day, new Date('2025-03-03T09:00:10Z'))).toBe(1);
    expect(currentSegmentIndex(day, new Date('2025-03-03T17:00:00Z'))).toBe(-1);
  });
});

describe('TodayScreen', () => {
  it('lists the segments and reloads when the status changes', async () => {
    const fake = createFakeApi();
    fake.answer('getDayTimeline', [
      seg('2025-03-03T09:00:00Z', '2025-03-03T11:00:00Z', 'focus', 'focus time'),
    ]);
    render(
      <ApiProvider api={fake.api}>
        <TodayScreen />
      </ApiProvider>,
    );
    expect(await screen.findByText('Focus time')).toBeTruthy();
    fake.answer('getDayTimeline', [
      seg('2025-03-03T09:00:00Z', '2025-03-03T11:00:00Z', 'away', 'set unavailable by hand'),
    ]);
    await act(async () => fake.emit('status', focusStatus));
    expect(await screen.findByText('Set unavailable by hand')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'getDayTimeline')).toHaveLength(2);
  });
});
