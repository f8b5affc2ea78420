import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchRawResponse, parseCostUs } from './parse-cost.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(headers: Record<string, string>, body: string): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(200, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/s/x.json`;
}

describe('parse cost of a response', () => {
  it('fetches the whole response as sent and parses it as one message each time', async () => {
    const body = '{"state":"focus","message":"Fokuszeit bis 15:00 · nächster Termin"}';
    const url = await serve({ 'X-Content-Type-Options': 'nosniff', ETag: '"abc"' }, body);
    const raw = await fetchRawResponse(url);
    const text = raw.toString('utf8');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toContain('\r\nX-Content-Type-Options: nosniff\r\n');
    expect(text.endsWith(`\r\n\r\n${body}`)).toBe(true);
    const us = parseCostUs(raw, 1000);
    expect(us).toBeGreaterThan(0);
    expect(Number.isFinite(us)).toBe(true);
  });

  it('refuses a response that is not one whole message', async () => {
    const raw = await fetchRawResponse(await serve({}, 'hello'));
    expect(() => parseCostUs(raw.subarray(0, raw.length - 2), 10)).toThrow();
    expect(() => parseCostUs(Buffer.from('nonsense\r\n\r\n'), 1)).toThrow();
  });
});
