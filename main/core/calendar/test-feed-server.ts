/** A real HTTP server on 127.0.0.1:0 for the calendar tests: each test supplies the handler. */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running test server. */
export interface FeedServer {
  /** `http://127.0.0.1:<port><path>`. */
  url: (path: string) => string;
  /** Every request seen, in order. */
  requests: IncomingMessage[];
  close: () => Promise<void>;
}

/** Starts a server that answers with `handler`. */
export async function startFeedServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<FeedServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A small valid calendar with one event on `day` (YYYYMMDD) and the given summary. */
export function smallIcs(summary = 'Planning', day = '20250310'): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Office Hours//test//EN',
    'X-WR-CALNAME:Work',
    'BEGIN:VEVENT',
    `UID:${summary.toLowerCase().replace(/\W+/g, '-')}@test`,
    `DTSTAMP:${day}T080000Z`,
    `DTSTART:${day}T090000Z`,
    `DTEND:${day}T100000Z`,
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
