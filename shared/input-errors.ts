/**
 * Turns a failed zod parse of an Api input into one `UserError` that names the field, the value given
 * and what is allowed, in words a user can act on. Every transport (IPC, HTTP, the command line) goes
 * through this, so the same bad input reads the same everywhere.
 */
import type { z } from 'zod';
import { type ProblemText, UserError } from './errors.js';

/** The words for the formats the contract uses, so schemas and messages agree. */
export const ALLOWED = {
  instant: 'an ISO date and time with offset, like 2026-11-27T15:00:00+01:00',
  date: 'a date like 2026-11-27',
  timeZone: 'an IANA time zone like Europe/Berlin',
} as const;

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/** The UserError for the first problem zod found in `input` against `schema`. */
export function userErrorOf(error: z.ZodError, input: unknown, schema: Schema): UserError {
  const issue = error.issues[0];
  if (!issue) return new UserError('invalid input');
  return new UserError(problemOf(issue, input, schema));
}

function problemOf(issue: Issue, input: unknown, schema: Schema): ProblemText {
  const path = issue.path.map(String);
  const at = schemaAt(schema, path);
  const value = valueAt(input, path);
  const field = path.length > 0 ? path.join('.') : undefined;
  const custom = isCustomMessage(issue.message);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const known = at ? objectKeys(at) : [];
      return {
        field: [...path, key].join('.'),
        value: valueAt(input, [...path, key]),
        problem: 'not a field of this call',
        ...(known.length > 0 ? { allowed: known.join(', ') } : {}),
      };
    }
    case 'invalid_format':
      return {
        ...(field ? { field } : {}),
        value,
        allowed: custom
          ? issue.message
          : (formatWords(issue.format) ?? describe(at) ?? 'a valid value'),
      };
    case 'custom':
      return { ...(field ? { field } : {}), value, allowed: issue.message };
    case 'invalid_union': {
      const branches = issue.errors
        .map((branch) => branch[0])
        .map((b) => (b?.code === 'invalid_format' ? formatWords(b.format) : undefined))
        .filter((w): w is string => w !== undefined);
      const allowed = branches.length > 0 ? branches.join(' or ') : describe(at);
      return { ...(field ? { field } : {}), value, ...(allowed ? { allowed } : {}) };
    }
    default: {
      const missing = value === undefined && issue.code === 'invalid_type';
      const allowed = describe(at) ?? fallbackWords(issue);
      return {
        ...(field ? { field } : {}),
        ...(missing ? {} : { value }),
        ...(missing ? { problem: 'required' } : custom ? { problem: issue.message } : {}),
        ...(allowed ? { allowed } : {}),
      };
    }
  }
}

/** zod's own English messages start like this; anything else was written in the contract on purpose. */
function isCustomMessage(message: string): boolean {
  return !/^(Too (small|big)|Invalid|Expected|Unrecognized|Required)/.test(message);
}

function formatWords(format: string): string | undefined {
  if (format === 'datetime') return ALLOWED.instant;
  if (format === 'date') return ALLOWED.date;
  return undefined;
}

function fallbackWords(issue: Issue): string | undefined {
  if (issue.code === 'invalid_type') return `a ${issue.expected}`;
  if (issue.code === 'invalid_value') return issue.values.map(String).join(', ');
  if (issue.code === 'too_big') return `at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `at least ${String(issue.minimum)}`;
  return undefined;
}

function valueAt(input: unknown, path: readonly string[]): unknown {
  let here: unknown = input;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** The internals read here are zod 4's public `_zod.def` (type, shape, element, options, checks). */
interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, unknown>;
  format?: string;
  checks?: {
    _zod: {
      def: {
        check: string;
        format?: string;
        value?: number;
        minimum?: number;
        maximum?: number;
        length?: number;
      };
    };
  }[];
}

function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

function unwrap(schema: Schema): Schema {
  let s = schema;
  for (let d = defOf(s); d.innerType && d.type !== 'pipe'; d = defOf(s)) s = d.innerType;
  return s;
}

function schemaAt(schema: Schema, path: readonly string[]): Schema | undefined {
  let here: Schema | undefined = unwrap(schema);
  for (const key of path) {
    if (!here) return undefined;
    const def = defOf(here);
    const next: Schema | undefined =
      def.type === 'object' ? def.shape?.[key] : def.type === 'array' ? def.element : undefined;
    here = next ? unwrap(next) : undefined;
  }
  return here;
}

function objectKeys(schema: Schema): string[] {
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Bounds from a schema's checks (zod keeps them as `greater_than`/`less_than`/length checks). */
function bounds(def: Def, low: string, high: string): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === low) out.min = d.value ?? d.minimum;
    if (d.check === high) out.max = d.value ?? d.maximum;
    if (d.check === 'length_equals') out.min = out.max = d.length;
  }
  return out;
}

/** What a schema accepts, in words ("a whole number from 0 to 100"); undefined when it cannot say. */
function describe(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'number': {
      const whole = (def.checks ?? []).some((c) => c._zod.def.format === 'safeint');
      const noun = whole ? 'a whole number' : 'a number';
      const { min, max } = bounds(def, 'greater_than', 'less_than');
      if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
      if (min !== undefined) return `${noun} of at least ${min}`;
      if (max !== undefined) return `${noun} up to ${max}`;
      return noun;
    }
    case 'string': {
      const format = formatWords(def.format ?? '');
      if (format) return format;
      const { min, max } = bounds(def, 'min_length', 'max_length');
      if (max !== undefined)
        return min ? `a text of ${min} to ${max} characters` : `a text of up to ${max} characters`;
      return min ? 'a text that is not empty' : 'a text';
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return Object.keys(def.entries ?? {}).join(', ');
    case 'array': {
      const { min, max } = bounds(def, 'min_length', 'max_length');
      if (min !== undefined && min === max) return `a list of exactly ${min}`;
      return max !== undefined ? `a list of up to ${max}` : 'a list';
    }
    case 'object':
      return 'an object';
    case 'union': {
      const words = (def.options ?? []).map(describe);
      return words.every((w) => w !== undefined) ? words.join(' or ') : undefined;
    }
    default:
      return undefined;
  }
}
