/**
 * What the load generator spends on reading one response. autocannon parses every response with
 * http-parser-js, in JavaScript, one header line at a time; with both processes busy on a 2-core
 * machine that cost limits the requests/s of whichever server sends more header lines. This measures
 * it on each server's real response, so the status-server rows can tell the server's cost from the
 * load generator's.
 */
import { connect } from 'node:net';
import { HTTPParser } from 'http-parser-js';

/** One GET of `url` on a kept-alive connection, the response's bytes exactly as the server sent them. */
export function fetchRawResponse(url: string): Promise<Buffer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(u.port), u.hostname);
    let buffer = Buffer.alloc(0);
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error(`${u.host} closed before a whole response`)));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(buffer.subarray(0, end).toString('latin1'));
      if (!length?.[1]) return fail(new Error(`${u.host} answered without Content-Length`));
      const total = end + 4 + Number(length[1]);
      if (buffer.length < total) return;
      socket.removeAllListeners('close');
      socket.destroy();
      resolve(buffer.subarray(0, total));
    });
    socket.write(`GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\n\r\n`);
  });
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
