import { describe, expect, it } from 'vitest';
import { startFeedServer } from './feed-server.js';
import { measureStall } from './stall.js';

describe('measureStall', () => {
  it('sees a synchronous 60 ms block on the main thread', async () => {
    const result = await measureStall(async () => {
      // Let the 1 ms timer tick once, then hold the thread.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const end = performance.now() + 60;
      while (performance.now() < end);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(result.maxGapMs).toBeGreaterThanOrEqual(59);
    expect(result.durationMs).toBeGreaterThanOrEqual(60);
  });

  it('counts a block that ends the work, which no later tick would see', async () => {
    const result = await measureStall(async () => {
      const end = performance.now() + 40;
      while (performance.now() < end);
    });
    expect(result.maxGapMs).toBeGreaterThanOrEqual(39);
  });
});

describe('startFeedServer', () => {
  it('serves the calendar with an ETag and answers a matching If-None-Match with 304', async () => {
    const body = Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const server = await startFeedServer(body);
    try {
      expect(new URL(server.url).hostname).toBe('127.0.0.1');
      const first = await fetch(server.url);
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe(server.etag);
      expect(Buffer.from(await first.arrayBuffer())).toEqual(body);
      const again = await fetch(server.url, { headers: { 'If-None-Match': server.etag } });
      expect(again.status).toBe(304);
      const other = await fetch(new URL('/other.ics', server.url));
      expect(other.status).toBe(404);
      expect(Object.fromEntries(server.responses)).toEqual({ 200: 1, 304: 1, 404: 1 });
    } finally {
      await server.close();
    }
  });
});
