/** Redaction for the log: every web address is cut to scheme and host, in messages, fields and errors. */
import { redactLocation } from '../calendar/redact.js';

/** http(s) and webcal(s) addresses up to whitespace or a quote: a feed's path and query are its password. */
const URL_IN_TEXT = /\b(?:https?|webcals?):\/\/[^\s"'<>`]+/gi;
const MAX_DEPTH = 6;

/** `text` with every http(s)/webcal URL replaced by `scheme://host/…`. */
export function redactText(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => redactLocation(url));
}

/** A JSON-safe copy of `value` with every string redacted and errors spelled out (name, message, code, stack, cause). */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, depth, seen);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof URL) return redactLocation(value.href);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof Map) return redactValue(Object.fromEntries(value), depth, seen);
  if (value instanceof Set) return redactValue([...value], depth, seen);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, depth + 1, seen);
  return out;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: redactText(error.message) };
  // Own enumerable extras (code, status, errno, path, …) first, then the stack and cause.
  for (const [key, item] of Object.entries(error)) {
    if (key !== 'message' && key !== 'stack' && key !== 'cause')
      out[key] = redactValue(item, depth + 1, seen);
  }
  if (error.stack) out.stack = redactText(error.stack);
  if (error.cause !== undefined) out.cause = redactValue(error.cause, depth + 1, seen);
  return out;
}
