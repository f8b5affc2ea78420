import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_START_URL } from './app-origin.js';
import { createAppProtocolHandler } from './app-protocol.js';

describe('createAppProtocolHandler', () => {
  let dir: string;
  let handle: (r: Request) => Promise<Response>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oh-proto-'));
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>OH</title>');
    await writeFile(join(dir, 'renderer', 'assets', 'a.js'), 'export {}');
    await writeFile(join(dir, 'secret.txt'), 'outside');
    handle = createAppProtocolHandler(join(dir, 'renderer'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the dashboard with its content type and CSP', async () => {
    const index = await handle(new Request(APP_START_URL));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>OH</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await handle(new Request('app://office-hours/assets/a.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://office-hours/'))).status).toBe(200);
  });

  it('answers 404 outside the folder, for other hosts and for missing files', async () => {
    for (const url of [
      'app://office-hours/%2e%2e/secret.txt',
      'app://office-hours/..%2fsecret.txt',
      'app://elsewhere/index.html',
      'app://office-hours/nope.js',
    ]) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('outside');
    }
  });
});
