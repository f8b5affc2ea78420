/**
 * The shared ICS corpus: every calendar expanded and compared with the reference expansion.
 * The corpus lives outside the repository (OFFICE_HOURS_ICS_CORPUS, else ../shared/ics-corpus).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCorpusJson } from './corpus-format.js';
import { expandIcs } from './expand.js';

interface ManifestEntry {
  calendar: string;
  expected: string;
  from: string;
  to: string;
  tz: string;
}

const repoRoot = resolve(import.meta.dirname, '../../..');
const corpus = process.env.OFFICE_HOURS_ICS_CORPUS ?? resolve(repoRoot, '../shared/ics-corpus');
const manifestPath = join(corpus, 'manifest.json');
const manifest: ManifestEntry[] = existsSync(manifestPath)
  ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestEntry[])
  : [];

describe('ICS corpus', () => {
  if (manifest.length === 0) {
    it.skip(`corpus not found at ${corpus} (set OFFICE_HOURS_ICS_CORPUS)`, () => {});
    return;
  }

  it('lists the 212 calendars this engine is held to', () => {
    expect(manifest.length).toBe(212);
  });

  it.each(manifest.map((m) => [m.calendar, m] as const))('%s', (_name, entry) => {
    const result = expandIcs(readFileSync(join(corpus, entry.calendar)), {
      from: Date.parse(entry.from),
      to: Date.parse(entry.to),
      tz: entry.tz,
      sourceName: entry.calendar,
    });
    const expected: unknown = JSON.parse(readFileSync(join(corpus, entry.expected), 'utf8'));
    const rows = toCorpusJson(result.events);
    // Comparing the JSON text first keeps calendars with thousands of rows fast; a mismatch still
    // goes through toEqual for a readable diff (and fails only if the data really differ).
    if (JSON.stringify(rows) !== JSON.stringify(expected)) expect(rows).toEqual(expected);
    expect(rows.length).toBe(Array.isArray(expected) ? expected.length : -1);
  });
});
