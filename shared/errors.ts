/**
 * The one error taxonomy of Office Hours. Three kinds say the caller can fix something; everything
 * else is internal (a bug or the environment). Every boundary maps the kind the same way:
 *
 * | kind            | meaning                              | HTTP | CLI exit |
 * |-----------------|--------------------------------------|------|----------|
 * | `UserError`     | the input is wrong (field, value)    | 400  | 2        |
 * | `NotFoundError` | the input names nothing that exists  | 404  | 2        |
 * | `ConflictError` | the input clashes with what is saved | 409  | 2        |
 * | anything else   | internal                             | 500  | 1        |
 *
 * Messages name the field, the value given and what is allowed, so a user can fix the input from the
 * message alone: `currency: "EURO" — allowed: a three-letter code like EUR`.
 */

/** What an error says about the input it refuses; every part optional. */
export interface InputDetails {
  /** The field as the contract names it (`hourlyRate`, `days.2.0.start`), or a CLI argument. */
  field?: string;
  /** The value given (shown quoted and shortened). */
  value?: unknown;
  /** What would have been accepted, in words: `a whole number from 0 to 100`, `en, de`. */
  allowed?: string;
}

/** The parts of a message: what is wrong (`problem`) plus the input it is about. */
export interface ProblemText extends InputDetails {
  /** What is wrong, when not already said by `allowed`: `a client needs a name`. */
  problem?: string;
}

const MAX_VALUE_LENGTH = 80;

/** Shows a value given by the user: JSON-quoted, cut to a readable length. */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'nothing');
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * Joins the parts to the house format: `field: "value" — problem — allowed: what`. Parts that are
 * absent drop out with their separator (`name: a client needs a name`).
 */
export function formatProblem(parts: ProblemText): string {
  const head = [parts.field, parts.value === undefined ? undefined : showValue(parts.value)].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  const tail = [
    parts.problem,
    parts.allowed === undefined ? undefined : `allowed: ${parts.allowed}`,
  ].filter((p): p is string => p !== undefined && p !== '');
  if (head.length === 0) return tail.join(' — ') || 'invalid input';
  const start = head.join(': ');
  if (tail.length === 0) return start;
  // "name: a client needs a name" reads better than "name — a client needs a name" when no value is shown.
  return parts.value === undefined
    ? `${start}: ${tail.join(' — ')}`
    : `${start} — ${tail.join(' — ')}`;
}

/** Base of the three kinds: carries the input details beside the composed message. */
abstract class InputProblem extends Error {
  readonly field?: string;
  readonly value?: unknown;
  readonly allowed?: string;

  constructor(message: string | ProblemText) {
    super(typeof message === 'string' ? message : formatProblem(message));
    if (typeof message !== 'string') {
      if (message.field !== undefined) this.field = message.field;
      if (message.value !== undefined) this.value = message.value;
      if (message.allowed !== undefined) this.allowed = message.allowed;
    }
  }
}

/** The input is wrong: a bad instant, amount, currency, an unknown flag, a value out of range. */
export class UserError extends InputProblem {
  override readonly name: string = 'UserError';
}

/** The input names something that does not exist: an unknown client, calendar or contact. */
export class NotFoundError extends InputProblem {
  override readonly name: string = 'NotFoundError';
}

/** The input clashes with what is saved: a duplicate client name, a calendar added twice. */
export class ConflictError extends InputProblem {
  override readonly name: string = 'ConflictError';
}

/** The kind of any thrown value, for boundaries that map kinds to statuses or exit codes. */
export type ErrorKind = 'user' | 'not-found' | 'conflict' | 'internal';

/** Which kind `error` is; anything that is not one of the three is internal. */
export function errorKind(error: unknown): ErrorKind {
  if (error instanceof UserError) return 'user';
  if (error instanceof NotFoundError) return 'not-found';
  if (error instanceof ConflictError) return 'conflict';
  return 'internal';
}

/** The HTTP status a kind answers with (400, 404, 409, else 500). */
export function httpStatusOf(error: unknown): 400 | 404 | 409 | 500 {
  const kind = errorKind(error);
  return kind === 'user' ? 400 : kind === 'not-found' ? 404 : kind === 'conflict' ? 409 : 500;
}

/**
 * The exit code of the `office-hours` command for a failure: 2 when the user can fix the command
 * (wrong input, an unknown name, a clash with what is saved), 1 for everything else.
 */
export function exitCodeOf(error: unknown): 1 | 2 {
  return errorKind(error) === 'internal' ? 1 : 2;
}

/** An error as it travels over IPC or HTTP: its kind's name, its message, and the input details. */
export interface WireError {
  name: string;
  message: string;
  field?: string;
  allowed?: string;
}

/**
 * The error as a transport sends it. Internal errors keep only their message (no stack, no cause, no
 * extra properties); the three input kinds also carry `field` and `allowed` for the dashboard.
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof InputProblem) {
    const wire: WireError = { name: error.name, message: error.message };
    if (error.field !== undefined) wire.field = error.field;
    if (error.allowed !== undefined) wire.allowed = error.allowed;
    return wire;
  }
  return {
    name: 'InternalError',
    message: error instanceof Error ? error.message : String(error),
  };
}
