import { describe, expect, it } from 'vitest';
import { bundleSizes, dashboardLine, endOfYesterday, marksScript } from './dashboard-helpers.js';

describe('dashboard bench helpers', () => {
  it("reads serve's Dashboard line and nothing else", () => {
    expect(dashboardLine('Dashboard: http://127.0.0.1:41234/#token=abc%2Bdef')).toEqual({
      baseUrl: 'http://127.0.0.1:41234/',
      token: 'abc+def',
    });
    expect(dashboardLine('Status server: http://127.0.0.1:4321')).toBeNull();
    expect(dashboardLine('Dashboard: http://127.0.0.1:41234/')).toBeNull();
  });

  it('adds up raw and gzip sizes per file', () => {
    const a = Buffer.from('x'.repeat(10_000));
    const b = Buffer.from('const answer = 42;\n');
    const sizes = bundleSizes([a, b]);
    expect(sizes.files).toBe(2);
    expect(sizes.raw).toBe(a.length + b.length);
    // Repetitive text shrinks far below its size; a tiny file grows by the gzip header.
    expect(sizes.gzip).toBeLessThan(a.length / 10 + b.length + 40);
    expect(sizes.gzip).toBeGreaterThan(b.length);
    expect(bundleSizes([])).toEqual({ files: 0, raw: 0, gzip: 0 });
  });

  it('ends the data at the last millisecond of yesterday, UTC', () => {
    expect(endOfYesterday(Date.parse('2026-12-03T08:00:00Z'))).toBe('2026-12-02T23:59:59.999Z');
    expect(endOfYesterday(Date.parse('2026-12-03T00:00:00Z'))).toBe('2026-12-02T23:59:59.999Z');
  });

  it('makes an init script that stores the token and is valid JavaScript', () => {
    const script = marksScript('tok"en', 'office-hours-session');
    expect(script).toContain('"office-hours-session"');
    expect(script).toContain('"tok\\"en"');
    expect(() => new Function(script)).not.toThrow();
  });
});
