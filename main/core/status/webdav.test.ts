import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebDavError, webdavRequest } from './webdav.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server that answers every request with `status` and a body cut off after its first bytes. */
async function cutBodyServer(status: number): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'Content-Length': '1000', Connection: 'close' });
      res.write('partial answer');
      setImmediate(() => res.socket?.destroy());
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/dav/`, requests: () => requests };
}

describe('webdavRequest', () => {
  it('takes a landed PUT as landed when the answer body breaks off, without sending it again', async () => {
    const dav = await cutBodyServer(201);
    const status = await webdavRequest(
      { url: dav.url, retries: 2, baseDelayMs: 1 },
      'PUT',
      'a.json',
      [201],
      {
        data: '{}',
        type: 'application/json',
      },
    );
    expect(status).toBe(201);
    expect(dav.requests()).toBe(1);
  });

  it('still refuses a refusal whose body breaks off', async () => {
    const dav = await cutBodyServer(403);
    const error = await webdavRequest(
      { url: dav.url, retries: 2 },
      'DELETE',
      'a.json',
      [204],
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebDavError);
    expect((error as WebDavError).status).toBe(403);
    expect(dav.requests()).toBe(1);
  });
});
