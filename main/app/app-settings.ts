/**
 * The settings the desktop edge acts on (language, notifications, global shortcut), read from the
 * store's settings record with their defaults, so a data file from before they existed works.
 */

/** Which notifications are on. */
export interface NotificationSwitches {
  focusChange: boolean;
  allowancePassed: boolean;
  calendarFailing: boolean;
  overrideEnding: boolean;
}

/** The desktop settings. */
export interface DesktopSettings {
  language: 'system' | 'en' | 'de';
  notifications: NotificationSwitches;
  /** Accelerator that logs a call from the last-used client; null: off. */
  shortcut: string | null;
}

/** Every notification on, language from the system, no shortcut. */
export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  language: 'system',
  notifications: {
    focusChange: true,
    allowancePassed: true,
    calendarFailing: true,
    overrideEnding: true,
  },
  shortcut: null,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The desktop settings within the store's `settings` (missing or unexpected values take the default). */
export function desktopSettingsOf(settings: unknown): DesktopSettings {
  const record = isRecord(settings) ? settings : {};
  const language =
    record.language === 'en' || record.language === 'de' ? record.language : 'system';
  const given = isRecord(record.notifications) ? record.notifications : {};
  const defaults = DEFAULT_DESKTOP_SETTINGS.notifications;
  const flag = (key: keyof NotificationSwitches): boolean =>
    typeof given[key] === 'boolean' ? given[key] : defaults[key];
  const shortcut =
    typeof record.shortcut === 'string' && record.shortcut.trim() !== '' ? record.shortcut : null;
  return {
    language,
    notifications: {
      focusChange: flag('focusChange'),
      allowancePassed: flag('allowancePassed'),
      calendarFailing: flag('calendarFailing'),
      overrideEnding: flag('overrideEnding'),
    },
    shortcut,
  };
}
