/** A real calendar feed for the re-sync benchmark: node:http on 127.0.0.1, with ETag and 304s. */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running feed server and what it has answered so far. */
export interface FeedServer {
  /** The feed URL (loopback, a random port, a secret-looking path as real feeds have). */
  url: string;
  /** The ETag of the body served now. */
  etag: string;
  /** Responses by status code, to check that a re-sync really got a 304. */
  responses: Map<number, number>;
  /** Serve another body from now on (a feed that changed): a new ETag, so conditional requests get 200. */
  setBody: (body: Buffer) => void;
  close: () => Promise<void>;
}

/** Serve `body` as text/calendar at a fixed path; If-None-Match with the current ETag answers 304. */
export async function startFeedServer(first: Buffer): Promise<FeedServer> {
  const tagOf = (b: Buffer): string =>
    `"${createHash('sha256').update(b).digest('hex').slice(0, 32)}"`;
  let body = first;
  let etag = tagOf(body);
  const lastModified = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toUTCString();
  const path = '/calendar/private-bench0123456789abcdef/basic.ics';
  const responses = new Map<number, number>();
  const count = (status: number): void =>
    void responses.set(status, (responses.get(status) ?? 0) + 1);
  const server = createServer((req, res) => {
    if (req.url !== path) {
      count(404);
      res.writeHead(404).end();
      return;
    }
    const tags = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim());
    if (tags.includes(etag) || tags.includes('*')) {
      count(304);
      res.writeHead(304, { ETag: etag, 'Last-Modified': lastModified }).end();
      return;
    }
    count(200);
    res.writeHead(200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Length': body.length,
      ETag: etag,
      'Last-Modified': lastModified,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    get etag() {
      return etag;
    },
    responses,
    setBody: (next) => {
      body = next;
      etag = tagOf(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
