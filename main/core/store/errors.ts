/** Errors of the store, with messages that name the field at fault but never echo its value. */
import type { z } from 'zod';

/** One problem in a data set: where (e.g. "clients[2].hourlyRateMinor") and what. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A data set that is not JSON, not ours, or does not fit the schema. */
export class DataValidationError extends Error {
  override readonly name = 'DataValidationError';
  constructor(
    readonly issues: readonly FieldIssue[],
    /** Prepended to the message, e.g. the file being imported. */
    context?: string,
  ) {
    super(`${context ? `${context}: ` : ''}${describeIssues(issues)}`);
  }
}

/** A file written by a newer build: this build must neither use nor overwrite it. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  constructor(
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `the data file has schema version ${fileVersion}, newer than this build supports ` +
        `(${supportedVersion}); update Office Hours`,
    );
  }
}

/** "a; b; … and N more" — the first few issues are enough to find the problem. */
export function describeIssues(issues: readonly FieldIssue[], max = 3): string {
  const shown = issues
    .slice(0, max)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  const rest = issues.length - shown.length;
  return shown.join('; ') + (rest > 0 ? `; and ${rest} more` : '');
}

/** A zod path as a reader writes it: clients[2].policyText.en */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Turns zod issues into `FieldIssue`s with short messages ("expected integer"). */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: shortMessage(issue) }));
}

function shortMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'expected integer';
  // zod's default wording is "Invalid input: expected number, received string".
  const text = issue.message.replace(/^Invalid input: /, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Parses JSON text; the error says where it broke but, unlike V8's, quotes none of the content. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson(text.trim() === '' ? 'the file is empty' : undefined);
  }
}

/** The error for text that is not JSON (V8's message quotes the text, which may hold secrets). */
export function notJson(detail?: string): DataValidationError {
  return new DataValidationError([
    { path: '', message: `not valid JSON${detail ? ` (${detail})` : ''}` },
  ]);
}
