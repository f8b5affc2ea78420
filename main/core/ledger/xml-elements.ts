/**
 * A small, safe reader for flat XML exports (one root, rows as empty elements with attributes, like
 * SMS Backup & Restore's `<calls><call … /></calls>`): elements and their attributes with the line
 * and column each starts at, the five predefined entities and character references decoded. Document
 * type declarations are refused outright — no DTD, no entity expansion, so no "billion laughs" and no
 * external fetches — and text content is ignored. Not a general XML parser, on purpose: it needs no
 * dependency and reads the files in question in one pass.
 */

/** Where something starts: 1-based line and column (in characters). */
export interface XmlPosition {
  line: number;
  column: number;
}

/** One attribute with its decoded value and the offset it starts at (see XmlReading.position). */
export interface XmlAttribute {
  name: string;
  value: string;
  offset: number;
}

/** One start (or empty) element, with the offset of its "<". */
export interface XmlElement {
  offset: number;
  name: string;
  /** Nesting depth: 0 for the root. */
  depth: number;
  attributes: Map<string, XmlAttribute>;
  /** Whether a problem was reported inside its tag (its attributes may be incomplete). */
  broken: boolean;
}

/** A problem at a place in the file; `attribute` names the attribute when it is in one. */
export interface XmlProblem extends XmlPosition {
  reason: string;
  attribute?: string;
}

/** What a reading found: the elements in order and the problems; a problem never stops the reading. */
export interface XmlReading {
  elements: XmlElement[];
  problems: XmlProblem[];
  /** Whether the root element was closed (false: the file was cut off, or has no root). */
  rootClosed: boolean;
  /** The line and column of an offset (positions are worked out only for what is reported). */
  position(offset: number): XmlPosition;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Decodes entity and character references; the reason when one is unknown or malformed. */
export function decodeXmlText(raw: string): { value: string } | { reason: string } {
  if (!raw.includes('&')) return { value: raw };
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    const semi = raw.indexOf(';', amp);
    const ref = semi < 0 ? '' : raw.slice(amp + 1, semi);
    if (semi < 0 || semi - amp > 12 || ref === '') {
      return { reason: 'a bare "&" (write it as &amp;)' };
    }
    let ch: string | undefined;
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (num) {
      const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) return { reason: `&${ref}; is not a character XML allows` };
      ch = String.fromCodePoint(code);
    } else {
      ch = NAMED[ref];
      if (ch === undefined)
        return {
          reason: `unknown entity &${ref}; (only &amp; &lt; &gt; &quot; &apos; and &#…; are read)`,
        };
    }
    out += ch;
    i = semi + 1;
  }
  return { value: out };
}

/** Maps offsets in the text to lines and columns. */
class Positions {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  at(offset: number): XmlPosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const SPACE = /\s*/y;

/** Reads the elements of an XML text (see the file comment for what it does and refuses). */
export function readXmlElements(text: string): XmlReading {
  const pos = new Positions(text);
  const elements: XmlElement[] = [];
  const problems: XmlProblem[] = [];
  const problem = (offset: number, reason: string, attribute?: string): void => {
    const p: XmlProblem = { ...pos.at(offset), reason };
    if (attribute !== undefined) p.attribute = attribute;
    problems.push(p);
  };
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    problem(
      doctype.index,
      `<!${doctype[1]} …> is not accepted (a call log needs no document type; entity declarations could expand without bound)`,
    );
    return { elements, problems, rootClosed: false, position: (o) => pos.at(o) };
  }
  const stack: string[] = [];
  let rootClosed = false;
  let sawRoot = false;
  let i = 0;
  const skipTo = (start: number, end: string, what: string): number => {
    const at = text.indexOf(end, start);
    if (at < 0) {
      problem(start, `${what} is never closed`);
      return text.length;
    }
    return at + end.length;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) i = skipTo(lt, '?>', 'a <? … ?> declaration');
    else if (text.startsWith('<!--', lt)) i = skipTo(lt, '-->', 'a comment');
    else if (text.startsWith('<![CDATA[', lt)) i = skipTo(lt, ']]>', 'a CDATA section');
    else if (text.startsWith('</', lt)) {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(text);
      const end = text.indexOf('>', lt);
      const name = m?.[0] ?? '';
      if (stack[stack.length - 1] === name) {
        stack.pop();
        if (stack.length === 0) rootClosed = true;
      } else problem(lt, `</${name}> closes an element that is not open`);
      i = end < 0 ? text.length : end + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const m = NAME.exec(text);
      if (!m) {
        problem(lt, 'a "<" that starts no element (write it as &lt;)');
        i = lt + 1;
        continue;
      }
      const element: XmlElement = {
        offset: lt,
        name: m[0],
        depth: stack.length,
        attributes: new Map(),
        broken: false,
      };
      let j = lt + 1 + m[0].length;
      let closed: 'empty' | 'open' | undefined;
      let broken = false;
      for (;;) {
        SPACE.lastIndex = j;
        SPACE.exec(text);
        j = SPACE.lastIndex;
        if (text.startsWith('/>', j)) {
          closed = 'empty';
          j += 2;
          break;
        }
        if (text[j] === '>') {
          closed = 'open';
          j += 1;
          break;
        }
        NAME.lastIndex = j;
        const an = NAME.exec(text);
        if (!an) {
          problem(
            j,
            j >= text.length
              ? `<${element.name}> is never closed (the file ends inside it)`
              : `unexpected "${text[j]}" in <${element.name}>`,
          );
          broken = true;
          break;
        }
        const attrAt = j;
        j += an[0].length;
        SPACE.lastIndex = j;
        SPACE.exec(text);
        j = SPACE.lastIndex;
        const quote = text[j + 1] === '"' || text[j + 1] === "'" ? text[j + 1] : undefined;
        if (text[j] !== '=' || quote === undefined) {
          problem(attrAt, `attribute ${an[0]} has no quoted value`, an[0]);
          broken = true;
          break;
        }
        const valueEnd = text.indexOf(quote, j + 2);
        if (valueEnd < 0) {
          problem(attrAt, `the value of ${an[0]} is never closed`, an[0]);
          broken = true;
          break;
        }
        const raw = text.slice(j + 2, valueEnd);
        j = valueEnd + 1;
        if (raw.includes('<')) {
          problem(attrAt, `the value of ${an[0]} holds a "<" (write it as &lt;)`, an[0]);
          broken = true;
          continue;
        }
        const decoded = decodeXmlText(raw);
        if ('reason' in decoded) {
          problem(attrAt, `${an[0]}: ${decoded.reason}`, an[0]);
          broken = true;
          continue;
        }
        if (element.attributes.has(an[0])) {
          problem(attrAt, `attribute ${an[0]} is given twice`, an[0]);
          broken = true;
          continue;
        }
        element.attributes.set(an[0], { name: an[0], value: decoded.value, offset: attrAt });
      }
      element.broken = broken;
      if (stack.length === 0 && sawRoot) {
        problem(lt, `<${element.name}> after the root element has ended`);
      } else {
        sawRoot ||= stack.length === 0;
        elements.push(element);
      }
      if (closed === undefined) {
        // Resynchronise at the next tag; the element stays, marked broken, so its row is counted.
        const next = text.indexOf('<', j + 1);
        i = next < 0 ? text.length : next;
        continue;
      }
      i = j;
      if (closed === 'open') stack.push(element.name);
      else if (stack.length === 0) rootClosed = true;
    }
  }
  return { elements, problems, rootClosed, position: (o) => pos.at(o) };
}
