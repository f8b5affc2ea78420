import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  UserError,
  errorKind,
  exitCodeOf,
  formatProblem,
  httpStatusOf,
  toWireError,
} from './errors.js';

describe('formatProblem', () => {
  it('reads "field: value — allowed: what"', () => {
    expect(
      formatProblem({ field: 'currency', value: 'EURO', allowed: 'a three-letter code like EUR' }),
    ).toBe('currency: "EURO" — allowed: a three-letter code like EUR');
  });
  it('drops the parts that are absent', () => {
    expect(formatProblem({ field: 'name', problem: 'a client needs a name' })).toBe(
      'name: a client needs a name',
    );
    expect(formatProblem({ problem: 'the period is empty' })).toBe('the period is empty');
    expect(
      formatProblem({ field: 'allowance', value: 150, problem: 'too big', allowed: '0–100' }),
    ).toBe('allowance: 150 — too big — allowed: 0–100');
  });
  it('shortens long values', () => {
    const text = formatProblem({ field: 'note', value: 'x'.repeat(500) });
    expect(text.length).toBeLessThan(100);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('the kinds', () => {
  it('map to one HTTP status and one exit code each', () => {
    const cases: [unknown, string, number, number][] = [
      [new UserError('bad'), 'user', 400, 2],
      [new NotFoundError('none'), 'not-found', 404, 2],
      [new ConflictError('twice'), 'conflict', 409, 2],
      [new RangeError('bug'), 'internal', 500, 1],
      ['a string', 'internal', 500, 1],
    ];
    for (const [error, kind, status, exit] of cases) {
      expect(errorKind(error)).toBe(kind);
      expect(httpStatusOf(error)).toBe(status);
      expect(exitCodeOf(error)).toBe(exit);
    }
  });
  it('keep their details and travel without internals', () => {
    const e = new UserError({
      field: 'allowance',
      value: 101,
      allowed: 'a whole number from 0 to 100',
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.field).toBe('allowance');
    expect(e.value).toBe(101);
    expect(toWireError(e)).toEqual({
      name: 'UserError',
      message: 'allowance: 101 — allowed: a whole number from 0 to 100',
      field: 'allowance',
      allowed: 'a whole number from 0 to 100',
    });
    const internal = Object.assign(new TypeError('x is undefined'), { secret: 'https://s3cret' });
    expect(toWireError(internal)).toEqual({ name: 'InternalError', message: 'x is undefined' });
  });
});
