/** Text-level helpers for iCalendar: parameter values, TEXT escapes, and decoding bytes. */

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const SEMICOLON = 59;
const QUOTE = 34;

/**
 * The value of parameter `name` (upper-case) in a raw parameter text, unquoted; the first one when
 * repeated; undefined when absent. Multi-valued parameters are returned as written ("a","b" → a,b).
 */
export function paramValue(params: string, name: string): string | undefined {
  if (params.length === 0) return undefined;
  const n = params.length;
  let i = 0;
  while (i < n) {
    const eq = params.indexOf('=', i);
    if (eq < 0) return undefined;
    const key = params.slice(i, eq).trim().toUpperCase();
    // Scan the value up to the next unquoted ';'.
    let j = eq + 1;
    let quoted = false;
    let out = '';
    let segStart = j;
    for (; j < n; j++) {
      const c = params.charCodeAt(j);
      if (c === QUOTE) {
        out += params.slice(segStart, j);
        segStart = j + 1;
        quoted = !quoted;
      } else if (c === SEMICOLON && !quoted) break;
    }
    out += params.slice(segStart, j);
    if (key === name) return out;
    i = j + 1;
  }
  return undefined;
}

/** Undoes TEXT escaping (RFC 5545 3.3.11): \n or \N → newline, \, \; \\ → the character. */
export function unescapeText(value: string): string {
  if (value.indexOf('\\') < 0) return value;
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) !== 92) continue;
    const next = value[i + 1];
    if (next === undefined) break;
    out += value.slice(last, i);
    out += next === 'n' || next === 'N' ? '\n' : next;
    i++;
    last = i + 1;
  }
  return out + value.slice(last);
}

/** Splits a multi-valued TEXT value on unescaped commas (CATEGORIES, RESOURCES). */
export function splitTextList(value: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 44) {
      out.push(value.slice(last, i));
      last = i + 1;
    }
  }
  out.push(value.slice(last));
  return out;
}

/**
 * Decodes calendar bytes to text. Writers that fold at a fixed byte count can split a multi-byte
 * UTF-8 character across a fold; the continuation bytes after the fold are moved in front of the
 * line break so the character decodes whole and every line keeps its number. Falls back to
 * Windows-1252 for files that are not UTF-8 at all. A leading byte-order mark is dropped.
 */
export function decodeIcsBytes(bytes: Uint8Array): string {
  let data = bytes;
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== LF) continue;
    const ws = data[i + 1];
    if (ws !== SPACE && ws !== TAB) continue;
    let k = i + 2;
    while (k < data.length && ((data[k] as number) & 0xc0) === 0x80) k++;
    const moved = k - (i + 2);
    if (moved === 0) continue;
    // Copies, never views: a Node Buffer's slice() shares memory, and the caller's bytes stay untouched.
    if (data === bytes) data = new Uint8Array(bytes);
    // Line break (CRLF or LF) plus the fold's whitespace, shifted right past the moved bytes.
    const breakStart = i > 0 && data[i - 1] === CR ? i - 1 : i;
    const tail = Uint8Array.from(data.subarray(breakStart, i + 2));
    data.copyWithin(breakStart, i + 2, k);
    data.set(tail, breakStart + moved);
    i = k - 1;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
