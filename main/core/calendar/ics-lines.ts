/**
 * Content lines of an iCalendar text (RFC 5545 3.1): unfolding, the name;params:value split and
 * parameter values, with the 1-based source line of each property kept for warnings.
 *
 * This runs over every line of calendars with tens of thousands of events, so it scans with
 * indexOf/charCodeAt instead of regular expressions and allocates only the strings it hands out.
 */

const CR = 13;
const SPACE = 32;
const TAB = 9;
const COLON = 58;
const SEMICOLON = 59;
const QUOTE = 34;

/**
 * Reads the content lines of a text one at a time; the fields describe the current line. Only the
 * name is found up front: parameters and value are split out, and folded lines joined, when they
 * are asked for, so lines nobody reads (most of a DESCRIPTION-heavy calendar) cost one scan of
 * their name and no allocation.
 */
export class ContentLineReader {
  /** 1-based physical line on which the current content line starts. */
  line = 0;
  /** Offset in the text where the current content line starts. */
  start = 0;
  /** False when the current line had no ':' at all (not a content line). */
  wellFormed = true;

  private pos: number;
  private physicalLine: number;
  private readonly text: string;
  private readonly end: number;
  /** The string holding the current line: the text itself, or the joined copy of a folded line. */
  private buf = '';
  /** Where the current line ends in `buf` (before its line break). */
  private lineEnd = 0;
  private folded = false;
  private splitDone = false;
  private nameStart = 0;
  private nameEnd = 0;
  /** Index of the ';' or ':' after the name (lineEnd when there is none). */
  private delimiter = 0;
  private paramStart = 0;
  private paramEnd = 0;
  private valueStart = 0;
  private nameCache: string | undefined;

  constructor(text: string, from = 0, to = text.length, firstLine = 1) {
    this.text = text;
    this.pos = from;
    this.end = to;
    this.physicalLine = firstLine;
  }

  /** Offset just past the current content line (including its line break). */
  get offset(): number {
    return this.pos;
  }

  /** Property or keyword name, upper-cased ("BEGIN", "DTSTART", "X-WR-TIMEZONE"). */
  get name(): string {
    if (this.nameCache === undefined) {
      const raw = this.buf.slice(this.nameStart, this.nameEnd);
      this.nameCache = hasLowerCase(raw) ? raw.toUpperCase() : raw;
    }
    return this.nameCache;
  }

  /** Raw parameter text between the name and the value, without the leading ';' ('' when none). */
  get params(): string {
    if (!this.splitDone) this.splitRest();
    return this.paramEnd > this.paramStart ? this.buf.slice(this.paramStart, this.paramEnd) : '';
  }

  /** The value after the first unquoted ':' (escapes untouched). */
  get value(): string {
    if (!this.splitDone) this.splitRest();
    return this.buf.slice(this.valueStart, this.lineEnd);
  }

  /** Upper-cased first character code of the name (0 for an empty name). */
  get nameFirst(): number {
    if (this.nameEnd === this.nameStart) return 0;
    const c = this.buf.charCodeAt(this.nameStart);
    return c >= 97 && c <= 122 ? c - 32 : c;
  }

  /** Case-insensitive test of the name against an upper-case name, without allocating. */
  nameIs(upper: string): boolean {
    if (this.nameEnd - this.nameStart !== upper.length) return false;
    return equalsUpper(this.buf, this.nameStart, upper);
  }

  /** Case-insensitive test of the value (ignoring surrounding blanks) against an upper-case word. */
  valueIs(upper: string): boolean {
    if (!this.splitDone) this.splitRest();
    let s = this.valueStart;
    let e = this.lineEnd;
    while (s < e && isFoldChar(this.buf.charCodeAt(s))) s++;
    while (e > s && isFoldChar(this.buf.charCodeAt(e - 1))) e--;
    return e - s === upper.length && equalsUpper(this.buf, s, upper);
  }

  /** Advances to the next non-blank content line; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const end = this.end;
    for (;;) {
      if (this.pos >= end) return false;
      const start = this.pos;
      const line = this.physicalLine;
      let eol = text.indexOf('\n', start);
      if (eol < 0 || eol >= end) eol = end;
      const firstEnd = eol > start && text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
      this.physicalLine++;
      // Folded continuation lines start with one space or tab; they are joined only when needed.
      let folded = false;
      while (eol + 1 < end && isFoldChar(text.charCodeAt(eol + 1))) {
        folded = true;
        let next = text.indexOf('\n', eol + 2);
        if (next < 0 || next >= end) next = end;
        this.physicalLine++;
        eol = next;
      }
      this.pos = eol + 1;
      this.start = start;
      this.line = line;
      this.buf = text;
      this.folded = folded;
      this.splitDone = false;
      this.nameCache = undefined;
      this.lineEnd = folded
        ? eol > start && text.charCodeAt(eol - 1) === CR
          ? eol - 1
          : eol
        : firstEnd;
      if (!this.findName(start, firstEnd)) {
        // The name runs past the first physical line, or the line is blank: join it first.
        if (folded) this.unfold();
        if (isBlank(this.buf, this.nameStart, this.lineEnd)) continue;
        this.findName(this.nameStart, this.lineEnd);
      }
      return true;
    }
  }

  /** Finds the name within [from, to) of `buf`; false when no ';' or ':' ends it there. */
  private findName(from: number, to: number): boolean {
    const buf = this.buf;
    let i = from;
    // Leading spaces occur in hand-written files; they are not part of the name.
    while (i < to && isFoldChar(buf.charCodeAt(i))) i++;
    this.nameStart = i;
    while (i < to) {
      const c = buf.charCodeAt(i);
      if (c === COLON || c === SEMICOLON) break;
      i++;
    }
    let nameEnd = i;
    while (nameEnd > this.nameStart && buf.charCodeAt(nameEnd - 1) === SPACE) nameEnd--;
    this.nameEnd = nameEnd;
    this.delimiter = i;
    if (i >= to) {
      this.wellFormed = false;
      return false;
    }
    const colon = buf.indexOf(':', i);
    this.wellFormed = colon >= 0 && colon < this.lineEnd;
    return true;
  }

  /** Joins a folded line into one string; name offsets are found again in it. */
  private unfold(): void {
    const text = this.text;
    const end = this.lineEnd;
    let joined = '';
    let from = this.start;
    for (;;) {
      let nl = text.indexOf('\n', from);
      if (nl < 0 || nl >= end) nl = end;
      joined += text.slice(
        from,
        nl < end && nl > from && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl,
      );
      if (nl >= end) break;
      from = nl + 2;
    }
    this.folded = false;
    this.buf = joined;
    this.lineEnd = joined.length;
    this.findName(0, joined.length);
  }

  /** Splits parameters from value (the first ':' outside double quotes ends the parameters). */
  private splitRest(): void {
    if (this.folded) this.unfold();
    this.splitDone = true;
    const buf = this.buf;
    const n = this.lineEnd;
    let i = this.delimiter;
    this.paramStart = this.paramEnd = i;
    if (i >= n) {
      this.valueStart = n;
      return;
    }
    if (buf.charCodeAt(i) === COLON) {
      this.valueStart = i + 1;
      return;
    }
    const paramStart = i + 1;
    let quoted = false;
    for (i = paramStart; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (c === QUOTE) quoted = !quoted;
      else if (c === COLON && !quoted) break;
    }
    if (i >= n) {
      // An unbalanced quote: fall back to the first colon rather than losing the line.
      const colon = buf.indexOf(':', paramStart);
      if (colon < 0 || colon >= n) {
        this.paramStart = paramStart;
        this.paramEnd = n;
        this.valueStart = n;
        return;
      }
      i = colon;
    }
    this.paramStart = paramStart;
    this.paramEnd = i;
    this.valueStart = i + 1;
  }
}

function isFoldChar(c: number): boolean {
  return c === SPACE || c === TAB;
}

function hasLowerCase(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function equalsUpper(buf: string, at: number, upper: string): boolean {
  for (let k = 0; k < upper.length; k++) {
    let c = buf.charCodeAt(at + k);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== upper.charCodeAt(k)) return false;
  }
  return true;
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== CR && c !== 0xfeff) return false;
  }
  return true;
}
