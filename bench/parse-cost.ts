/**
 * What the load generator spends on reading one response. autocannon parses every response with
 * http-parser-js, in JavaScript, one header line at a time; with both processes busy on a 2-core
 * machine that cost limits the requests/s of whichever server sends more header lines. This measures
 * it on each server's real response, so the status-server rows can tell the server's cost from the
 * load generator's.
 */
import { HTTPParser } from 'http-parser-js';
import { keptAlive } from '../main/core/status/http-test-helpers.js';

/** One GET of `url` (on 127.0.0.1) on a kept-alive connection: the response exactly as the server sent it. */
export async function fetchRawResponse(url: string): Promise<Buffer> {
  const u = new URL(url);
  const connection = keptAlive(Number(u.port));
  try {
    return (await connection.get(`${u.pathname}${u.search}`)).raw;
  } finally {
    connection.close();
  }
}

/** µs per parse of `response` by http-parser-js over `times` parses; throws unless each is one whole message. */
export function parseCostUs(response: Buffer, times: number): number {
  const parser = new HTTPParser(HTTPParser.RESPONSE);
  let complete = 0;
  parser[HTTPParser.kOnHeadersComplete] = () => {};
  parser[HTTPParser.kOnBody] = () => {};
  parser[HTTPParser.kOnMessageComplete] = () => {
    complete++;
  };
  const start = process.hrtime.bigint();
  for (let i = 0; i < times; i++) {
    const result = parser.execute(response);
    if (result instanceof Error) throw result;
  }
  const us = Number(process.hrtime.bigint() - start) / 1000 / times;
  if (complete !== times) throw new Error(`parsed ${complete} whole responses of ${times}`);
  return us;
}
