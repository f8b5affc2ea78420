// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onDemand, ScreenShownContext } from './on-demand.js';

afterEach(cleanup);

/** A module promise the test settles by hand, as a slow network would. */
function deferred<T>(): {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: Error) => void;
} {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const Settings = (): ReactNode => <h1>Settings</h1>;

describe('a screen loaded on demand', () => {
  it('says it is loading, draws the screen once its script came, and tells the shell', async () => {
    const script = deferred<{ SettingsScreen: typeof Settings }>();
    const load = vi.fn(() => script.promise);
    const Screen = onDemand(load, 'SettingsScreen');
    const shown = vi.fn();
    const view = render(
      <ScreenShownContext.Provider value={shown}>
        <Screen />
      </ScreenShownContext.Provider>,
    );
    expect(screen.getByText('Loading…').getAttribute('aria-busy')).toBe('true');
    expect(shown).not.toHaveBeenCalled();
    script.resolve({ SettingsScreen: Settings });
    expect((await screen.findByRole('heading', { name: 'Settings' })).tagName).toBe('H1');
    expect(shown).toHaveBeenCalledTimes(1);
    // Loaded once: the next visit draws it at once, without fetching again.
    view.unmount();
    render(<Screen />);
    expect(screen.getByRole('heading', { name: 'Settings' }).tagName).toBe('H1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when the script cannot be fetched, and tries again on the next visit', async () => {
    const first = deferred<{ SettingsScreen: typeof Settings }>();
    const load = vi
      .fn<() => Promise<{ SettingsScreen: typeof Settings }>>()
      .mockReturnValueOnce(first.promise)
      .mockResolvedValueOnce({ SettingsScreen: Settings });
    const Screen = onDemand(load, 'SettingsScreen');
    const view = render(<Screen />);
    first.reject(new Error('Failed to fetch dynamically imported module'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This screen could not be loaded: Failed to fetch dynamically imported module. Reload the page to try again.',
    );
    view.unmount();
    render(<Screen />);
    expect((await screen.findByRole('heading', { name: 'Settings' })).tagName).toBe('H1');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
