/**
 * A server under load in its own process: `node --import tsx bench/status-server-child.ts status|bare`.
 * Prints one JSON line `{ "url": … }` when listening, answers each stdin line "cpu" with
 * `{ "cpuUs": … }` (its CPU time so far, user + system) and runs until stdin closes. "status" is the real
 * status server over the test fixtures (rate limit raised out of the way, every other guard on); "bare"
 * is node:http answering the same JSON body with no work at all — the floor to compare against.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { makeWorld } from '../main/core/status/status-fixtures.js';
import { renderStatusJson } from '../main/core/status/render.js';
import { startStatusServer } from '../main/core/status/status-server.js';
import { createTokenIndex } from '../main/core/status/status-token.js';

const kind = process.argv[2];
const world = makeWorld();
const token = world.clients.a.statusToken;
let url: string;
let close: () => Promise<void>;

if (kind === 'status') {
  const index = createTokenIndex([world.clients.a, world.clients.b]);
  const server = await startStatusServer({
    getClientByToken: (t, key) => (key === undefined ? index.get(t) : index.getByKey(key)),
    getView: world.getView,
    getBusy: world.getBusy,
    // Autocannon is one address sending thousands of requests a second: the limiter still runs, but never says no.
    rateLimit: { burst: 1e9, perSecond: 1e9 },
  });
  url = `${server.url}/s/${token}.json`;
  close = () => server.close();
} else if (kind === 'bare') {
  const body = Buffer.from(renderStatusJson(world.getView(world.clients.a)), 'utf8');
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}/s/${token}.json`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
} else {
  throw new Error('usage: status-server-child.ts status|bare');
}

process.stdout.write(`${JSON.stringify({ url })}\n`);
const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.trim() !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuUs: user + system })}\n`);
});
input.on('close', () => void close().then(() => process.exit(0)));
