/** The one class that owns the Tray: it keeps the tray state and redraws icon, title, tooltip and menu from it. */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppWords } from './i18n.js';
import { type TrayIconState, trayIconState } from './tray-icon.js';
import {
  EMPTY_TRAY_STATE,
  type TrayActions,
  type TrayFormat,
  type TrayState,
  buildTrayMenuTemplate,
  trayTitleFor,
  trayTooltipFor,
} from './tray-menu.js';

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
  iconFor(icon: TrayIconState): Image;
  actions: TrayActions;
  words: AppWords;
  format: TrayFormat;
}

/** Owns the Tray; every `update` redraws icon, title, tooltip and menu from the merged state. */
export class TrayController<Image, MenuT> {
  private readonly tray: TrayLike<Image, MenuT>;
  private state: TrayState = EMPTY_TRAY_STATE;
  private words: AppWords;
  private format: TrayFormat;
  private template: MenuItemConstructorOptions[] = [];

  constructor(private readonly deps: TrayControllerDeps<Image, MenuT>) {
    this.words = deps.words;
    this.format = deps.format;
    this.tray = deps.createTray(deps.iconFor(trayIconState(this.state)));
    // Where the platform sends clicks (macOS, Windows) a click toggles; AppIndicator never does,
    // which is why the toggle is also the menu's first enabled item.
    this.tray.on('click', () => deps.actions.toggle());
    this.redraw();
  }

  /** Merges `changes` into the tray state and redraws. */
  update(changes: Partial<TrayState>): void {
    this.state = { ...this.state, ...changes };
    this.redraw();
  }

  /** Switches language (and the formats that go with it) and redraws. */
  setWords(words: AppWords, format: TrayFormat): void {
    this.words = words;
    this.format = format;
    this.redraw();
  }

  /** The state last rendered. */
  current(): TrayState {
    return this.state;
  }

  /** The menu template last rendered (the e2e specs click its items through the main process). */
  menuTemplate(): MenuItemConstructorOptions[] {
    return this.template;
  }

  /** Removes the tray icon. */
  dispose(): void {
    this.tray.destroy();
  }

  private redraw(): void {
    const { deps, state, words, format } = this;
    this.template = buildTrayMenuTemplate(state, { actions: deps.actions, words, format });
    this.tray.setImage(deps.iconFor(trayIconState(state)));
    this.tray.setTitle(trayTitleFor(state.status, words));
    this.tray.setToolTip(trayTooltipFor(state, words, format.time));
    this.tray.setContextMenu(deps.buildMenu(this.template));
  }
}
