/** The tray: one controller owns the Tray and re-renders it from the status; the menu is a pure template. */
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiInput } from '../../shared/api.js';
import type { AvailabilityState, StatusNow } from '../../shared/domain.js';
import { type TimeFormatter, formatClock, sentence, statusLine } from './status-words.js';

/** What the tray's menu items do. */
export interface TrayActions {
  setOverride(request: ApiInput<'setOverride'>): void;
  clearOverride(): void;
  /** Flip between available and unavailable by hand (the tray click). */
  toggle(): void;
  openDashboard(): void;
  syncNow(): void;
  quit(): void;
}

/** Options of the tray menu. */
export interface TrayMenuOptions {
  actions: TrayActions;
  /** True while a sync runs ("Sync now" is disabled meanwhile). */
  syncing?: boolean;
  formatTime?: TimeFormatter;
}

/** Override durations the tray offers, minutes. */
export const TRAY_OVERRIDE_MINUTES = [30, 60, 120] as const;

function durationLabel(minutes: number): string {
  return minutes < 60 ? `${minutes} minutes` : minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}

/** The override a tray click sets: the opposite of what the user is now, until changed back. */
export function toggleRequest(status: StatusNow | null): ApiInput<'setOverride'> {
  return { mode: status?.available ? 'unavailable' : 'available' };
}

/** The tray's context menu for `status` (null while the core is still starting). */
export function buildTrayMenuTemplate(
  status: StatusNow | null,
  options: TrayMenuOptions,
): MenuItemConstructorOptions[] {
  const { actions } = options;
  const format = options.formatTime ?? formatClock;
  const overrides = (mode: 'available' | 'unavailable'): MenuItemConstructorOptions[] =>
    TRAY_OVERRIDE_MINUTES.map((minutes) => ({
      id: `${mode}-${minutes}`,
      label: `For ${durationLabel(minutes)}`,
      click: () => actions.setOverride({ mode, minutes }),
    }));
  const head: MenuItemConstructorOptions[] = status
    ? [
        { id: 'status', label: statusLine(status, format), enabled: false },
        { id: 'reason', label: sentence(status.reason), enabled: false },
      ]
    : [{ id: 'status', label: 'Starting…', enabled: false }];
  return [
    ...head,
    { type: 'separator' },
    {
      id: 'toggle',
      label: status?.available ? 'Set unavailable' : 'Set available',
      enabled: status !== null,
      click: () => actions.toggle(),
    },
    {
      id: 'available-for',
      label: 'Available',
      enabled: status !== null,
      submenu: overrides('available'),
    },
    {
      id: 'unavailable-for',
      label: 'Unavailable',
      enabled: status !== null,
      submenu: overrides('unavailable'),
    },
    {
      id: 'follow-calendar',
      label: 'Back to following the calendar',
      enabled: status?.overridden === true,
      click: () => actions.clearOverride(),
    },
    { type: 'separator' },
    { id: 'open-dashboard', label: 'Open dashboard…', click: () => actions.openDashboard() },
    {
      id: 'sync-now',
      label: options.syncing ? 'Syncing…' : 'Sync now',
      enabled: !options.syncing,
      click: () => actions.syncNow(),
    },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Office Hours', click: () => actions.quit() },
  ];
}

/** The short text beside the tray icon (macOS menu bar). */
export function trayTitleFor(status: StatusNow | null): string {
  if (!status) return '';
  const short: Record<AvailabilityState, string> = {
    available: 'Free',
    focus: 'Focus',
    meeting: 'Meeting',
    away: 'Away',
    'off-hours': 'Off',
  };
  return status.overridden ? `${short[status.state]}*` : short[status.state];
}

/** The tray tooltip: the app name and the status line. */
export function trayTooltipFor(
  status: StatusNow | null,
  format: TimeFormatter = formatClock,
): string {
  return status ? `Office Hours — ${statusLine(status, format)}` : 'Office Hours';
}

/** The parts of Electron's Tray the controller uses. */
export interface TrayLike<Image, MenuT> {
  setImage(image: Image): void;
  setToolTip(text: string): void;
  setTitle(text: string): void;
  setContextMenu(menu: MenuT | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

/** What the controller is built from (replaceable factories, as in tests). */
export interface TrayControllerDeps<Image, MenuT> {
  createTray(image: Image): TrayLike<Image, MenuT>;
  buildMenu(template: MenuItemConstructorOptions[]): MenuT;
  iconFor(state: AvailabilityState | null): Image;
  actions: TrayActions;
  formatTime?: TimeFormatter;
}

/** Owns the Tray; `render` redraws icon, title, tooltip and menu from the latest state. */
export class TrayController<Image, MenuT> {
  private readonly tray: TrayLike<Image, MenuT>;
  private status: StatusNow | null = null;
  private syncing = false;

  constructor(private readonly deps: TrayControllerDeps<Image, MenuT>) {
    this.tray = deps.createTray(deps.iconFor(null));
    // "A tray click toggles the status by hand." (Some Linux trays never send clicks: the menu has it too.)
    this.tray.on('click', () => deps.actions.toggle());
    this.redraw();
  }

  /** Shows a new status. */
  render(status: StatusNow): void {
    this.status = status;
    this.redraw();
  }

  /** Marks a sync as running or finished. */
  setSyncing(syncing: boolean): void {
    this.syncing = syncing;
    this.redraw();
  }

  /** The status last rendered. */
  current(): StatusNow | null {
    return this.status;
  }

  /** Removes the tray icon. */
  dispose(): void {
    this.tray.destroy();
  }

  private redraw(): void {
    const { deps, status } = this;
    const format = deps.formatTime ?? formatClock;
    this.tray.setImage(deps.iconFor(status?.state ?? null));
    this.tray.setTitle(trayTitleFor(status));
    this.tray.setToolTip(trayTooltipFor(status, format));
    this.tray.setContextMenu(
      deps.buildMenu(
        buildTrayMenuTemplate(status, {
          actions: deps.actions,
          syncing: this.syncing,
          formatTime: format,
        }),
      ),
    );
  }
}
