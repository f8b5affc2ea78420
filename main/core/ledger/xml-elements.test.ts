import { describe, expect, it } from 'vitest';
import { decodeXmlText, readXmlElements } from './xml-elements.js';

describe('flat XML reading', () => {
  it('reads elements with their attributes, lines and columns, skipping prolog and comments', () => {
    const text = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!-- by SMS Backup & Restore -->\n<calls count="2">\n  <call a="1" b='x &amp; y' />\n  <call\n    a="2"\n    b="&#252;&#xF6;&quot;&lt;&gt;&apos;" /></calls>\n`;
    const r = readXmlElements(text);
    expect(r.problems).toEqual([]);
    expect(r.rootClosed).toBe(true);
    const at = (offset: number): [number, number] => {
      const p = r.position(offset);
      return [p.line, p.column];
    };
    expect(r.elements.map((e) => [e.name, e.depth, ...at(e.offset)])).toEqual([
      ['calls', 0, 3, 1],
      ['call', 1, 4, 3],
      ['call', 1, 5, 3],
    ]);
    const [, first, second] = r.elements;
    expect(first?.attributes.get('b')).toMatchObject({ name: 'b', value: 'x & y' });
    expect(at(first?.attributes.get('b')?.offset ?? -1)).toEqual([4, 15]);
    expect(second?.attributes.get('a')?.value).toBe('2');
    expect(at(second?.attributes.get('a')?.offset ?? -1)).toEqual([6, 5]);
    expect(second?.attributes.get('b')?.value).toBe('üö"<>\'');
  });

  it('refuses document types and entity declarations before reading anything', () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE calls [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n<calls><call n="&b;"/></calls>';
    const r = readXmlElements(bomb);
    expect(r.elements).toEqual([]);
    expect(r.problems).toEqual([
      {
        line: 2,
        column: 1,
        reason:
          '<!DOCTYPE …> is not accepted (a call log needs no document type; entity declarations could expand without bound)',
      },
    ]);
  });

  it('reports unknown entities, bare ampersands, broken tags and a cut-off file, and reads on', () => {
    const text = [
      '<calls>',
      '<call n="&nbsp;" />',
      '<call n="a & b" />',
      '<call n="1" n="2" />',
      '<call n=3 />',
      '<call n="ok" />',
      '<call n="<" />',
    ].join('\n');
    const r = readXmlElements(text);
    expect(r.problems.map((p) => [p.line, p.column, p.attribute, p.reason])).toEqual([
      [
        2,
        7,
        'n',
        'n: unknown entity &nbsp; (only &amp; &lt; &gt; &quot; &apos; and &#…; are read)',
      ],
      [3, 7, 'n', 'n: a bare "&" (write it as &amp;)'],
      [4, 13, 'n', 'attribute n is given twice'],
      [5, 7, 'n', 'attribute n has no quoted value'],
      [7, 7, 'n', 'the value of n holds a "<" (write it as &lt;)'],
    ]);
    expect(r.elements.filter((e) => !e.broken).map((e) => e.attributes.get('n')?.value)).toEqual([
      undefined,
      'ok',
    ]);
    expect(r.elements.filter((e) => e.broken)).toHaveLength(5);
    expect(r.rootClosed).toBe(false);
    expect(decodeXmlText('&#0;')).toEqual({ reason: '&#0; is not a character XML allows' });
  });
});
