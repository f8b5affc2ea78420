/** Small pieces of the calendar generator: a seeded random source, ICS dates, text escaping and line folding. */
import type { Zone } from './generate-data.js';

/** A deterministic pseudo-random source (same seed, same sequence). */
export interface Rng {
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast and good enough to spread synthetic events; not for anything secret. */
export function makeRng(seed: number): Rng {
  let state = seed >>> 0;
  const float = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(float() * n);
  return {
    float,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}

/** Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

const MAX_OCTETS = 75;

/**
 * Fold a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space, which
 * counts toward their 75; a multi-byte UTF-8 character is never split across lines.
 */
export function foldLine(line: string): string {
  // Fast path: most lines are short ASCII, where characters and octets coincide.
  if (line.length <= MAX_OCTETS && Buffer.byteLength(line) <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A calendar date with a wall-clock time in some zone (no instant arithmetic needed for TZID times). */
export interface Local {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** The calendar date of a UTC-midnight instant, at 00:00. */
export function dateOf(dayMs: number): Local {
  const dt = new Date(dayMs);
  return { y: dt.getUTCFullYear(), mo: dt.getUTCMonth() + 1, d: dt.getUTCDate(), h: 0, mi: 0 };
}

/** UTC midnight of the date of `l`. */
export function dayMsOf(l: Local): number {
  return Date.UTC(l.y, l.mo - 1, l.d);
}

/** YYYYMMDD. */
export function fmtDate(l: Local): string {
  return `${l.y}${pad(l.mo)}${pad(l.d)}`;
}

/** YYYYMMDDTHHMMSS, a local (TZID) date-time. */
export function fmtLocal(l: Local): string {
  return `${fmtDate(l)}T${pad(l.h)}${pad(l.mi)}00`;
}

/** YYYYMMDDTHHMMSSZ for an instant. */
export function fmtUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** `DTSTART;TZID=…:local` or `DTSTART:…Z` for a wall time in `zone`. */
export function timeProp(name: string, zone: Zone, l: Local): string {
  const wall = Date.UTC(l.y, l.mo - 1, l.d, l.h, l.mi);
  if (zone === 'UTC') return `${name}:${fmtUtc(wall)}`;
  return `${name};TZID=${zone}:${fmtLocal(l)}`;
}

/** `l` moved by `minutes` of wall-clock time. */
export function addMinutes(l: Local, minutes: number): Local {
  const dt = new Date(Date.UTC(l.y, l.mo - 1, l.d, l.h, l.mi) + minutes * 60_000);
  return {
    y: dt.getUTCFullYear(),
    mo: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    h: dt.getUTCHours(),
    mi: dt.getUTCMinutes(),
  };
}
