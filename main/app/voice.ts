/** The words and time formats the main process speaks in, for one language (swapped when the setting changes). */
import { type AppLanguage, type AppWords, createAppWords } from './i18n.js';
import { clockFormatter, dayTimeFormatter } from './status-words.js';
import type { TrayFormat } from './tray-menu.js';

/** Words plus the formats that go with their locale. */
export interface Voice {
  words: AppWords;
  format: TrayFormat;
}

/** The voice for `language`, formatting times in the system's zone. */
export function voiceFor(language: AppLanguage, timeZone?: string): Voice {
  const words = createAppWords(language);
  return {
    words,
    format: {
      time: clockFormatter(words.locale, timeZone),
      dayTime: dayTimeFormatter(words.locale, timeZone),
    },
  };
}
