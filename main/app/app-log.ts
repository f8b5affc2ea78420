/** The log the desktop edge writes failed actions to: the core's rotating log in `<data-dir>/logs/` (main/core/log), stderr before it opens. */

/** A log with three levels; `fields` are structured details. */
export interface AppLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A log on stderr (until the data folder's log is open). */
export const consoleLog: AppLog = {
  info: (message, fields) => console.info('office-hours:', message, fields ?? ''),
  warn: (message, fields) => console.warn('office-hours:', message, fields ?? ''),
  error: (message, fields) => console.error('office-hours:', message, fields ?? ''),
};
