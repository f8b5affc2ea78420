/**
 * Status server throughput: autocannon against `/s/<token>.json` on loopback, side by side with a bare
 * node:http server answering the same body. Each server runs in its own process so the load generator
 * (this process) and the server do not share one JavaScript thread; runs alternate bare/status, the
 * order swapped every round, so background load falls on both alike. Besides requests/s and p99, each server's own CPU time per
 * request is measured: on a shared 2-core machine it is the figure other work disturbs least.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result as AutocannonResult } from 'autocannon';
import type { BenchRow, Section, SectionResult } from './report.js';
import { fetchRawResponse, parseCostUs } from './parse-cost.js';
import { SampleBuffer, median } from './stats.js';

const CHILD = fileURLToPath(new URL('./status-server-child.ts', import.meta.url));
const SECTION = 'status-server';

/** Settings of one benchmark run. */
export interface StatusServerBenchOptions {
  /** Measured runs per server (default 3). */
  runs?: number;
  /** Seconds per run (default 5). */
  seconds?: number;
  connections?: number;
  log?: (line: string) => void;
}

/** One server's figures. */
export interface ServerFigures {
  /** Requests per second of each run (total requests / duration). */
  rps: number[];
  /**
   * p99 latency of each run, µs, from every response's own hrtime duration (autocannon's histogram
   * rounds to whole milliseconds, too coarse when both servers answer in 1–3 ms).
   */
  p99: number[];
  /** autocannon's own p99 of each run, whole ms, for comparison with older reports. */
  p99WholeMs: number[];
  /** Server process CPU time (user + system) per request of each run, µs. */
  cpuUsPerRequest: number[];
  medianRps: number;
  medianP99: number;
  medianCpuUs: number;
  /** The load generator's own CPU time (user + system) per response of each run, µs. */
  clientCpuUsPerRequest: number[];
  medianClientCpuUs: number;
  /** Bytes of one response, and the load generator's parse of it (http-parser-js, as autocannon), µs (median). */
  responseBytes: number;
  parseUs: number;
  /** Responses other than 2xx, and connection errors, over all runs (both must be 0 for a fair figure). */
  non2xx: number;
  errors: number;
}

/** The comparison. */
export interface StatusServerBenchResult {
  status: ServerFigures;
  bare: ServerFigures;
  /** status rps ÷ bare rps: the median of the per-round ratios (each round runs both, first one then the other). */
  ratio: number;
  /** The per-round throughput ratios. */
  ratios: number[];
  /** status p99 ÷ bare p99: the median of the per-round ratios. */
  p99Ratio: number;
  p99Ratios: number[];
  /** bare CPU per request / status CPU per request: the throughput ratio if the server were the only limit. */
  cpuRatio: number;
  /** 1-minute load average before and after: other work on the machine skews every figure. */
  load: { before: number; after: number };
  connections: number;
  seconds: number;
  runs: number;
}

interface Child {
  url: string;
  /** The child's CPU time so far, µs. */
  cpuUs: () => Promise<number>;
  stop: () => Promise<void>;
}

async function startChild(kind: 'status' | 'bare'): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD, kind], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout! });
  const replies: ((line: string) => void)[] = [];
  const first = new Promise<string>((resolve, reject) => {
    replies.push(resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  lines.on('line', (line) => replies.shift()?.(line));
  const { url } = JSON.parse(await first) as { url: string };
  return {
    url,
    cpuUs: () =>
      new Promise((resolve) => {
        replies.push((line) => resolve((JSON.parse(line) as { cpuUs: number }).cpuUs));
        child.stdin?.write('cpu\n');
      }),
    stop: async () => {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One measured run: autocannon's result and the p99 of every response's own duration, µs. */
interface LoadRun {
  result: AutocannonResult;
  p99Us: number;
}

async function load(url: string, connections: number, duration: number): Promise<LoadRun> {
  const times = new SampleBuffer();
  const instance = autocannon({ url, connections, duration });
  instance.on('response', (_client, _status, _bytes, ms) => times.add(ms));
  const result = await instance;
  return { result, p99Us: times.quantile(0.99) * 1000 };
}

/** The median µs of parsing each server's response, the two measured in turns. */
async function parseCosts(urls: { bare: string; status: string }): Promise<{
  bare: { bytes: number; us: number };
  status: { bytes: number; us: number };
}> {
  const bare = await fetchRawResponse(urls.bare);
  const status = await fetchRawResponse(urls.status);
  const us = { bare: [] as number[], status: [] as number[] };
  for (let i = 0; i < 7; i++) {
    us.bare.push(parseCostUs(bare, 20_000));
    us.status.push(parseCostUs(status, 20_000));
  }
  return {
    bare: { bytes: bare.length, us: median(us.bare) },
    status: { bytes: status.length, us: median(us.status) },
  };
}

function figures(
  runs: LoadRun[],
  cpuUs: number[],
  clientCpuUs: number[],
  parse: { bytes: number; us: number },
): ServerFigures {
  const results = runs.map((r) => r.result);
  const rps = results.map((r) => r.requests.total / r.duration);
  const p99 = runs.map((r) => r.p99Us);
  const p99WholeMs = results.map((r) => r.latency.p99);
  const cpuUsPerRequest = results.map((r, i) => (cpuUs[i] ?? Number.NaN) / r.requests.total);
  const clientCpuUsPerRequest = results.map(
    (r, i) => (clientCpuUs[i] ?? Number.NaN) / r.requests.total,
  );
  return {
    clientCpuUsPerRequest,
    medianClientCpuUs: median(clientCpuUsPerRequest),
    responseBytes: parse.bytes,
    parseUs: parse.us,
    rps,
    p99,
    p99WholeMs,
    cpuUsPerRequest,
    medianRps: median(rps),
    medianP99: median(p99),
    medianCpuUs: median(cpuUsPerRequest),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
  };
}

/**
 * Runs the comparison: a warm-up of each (long enough for V8 to optimise both servers' request paths:
 * with one second the first measured round of the status server still ran partly unoptimised), then
 * `runs` alternating measured runs.
 */
export async function benchStatusServer({
  runs = 3,
  seconds = 5,
  connections = 50,
  log = () => {},
}: StatusServerBenchOptions = {}): Promise<StatusServerBenchResult> {
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const servers = { bare: await startChild('bare'), status: await startChild('status') };
  const results = { bare: [] as LoadRun[], status: [] as LoadRun[] };
  const cpu = { bare: [] as number[], status: [] as number[] };
  const clientCpu = { bare: [] as number[], status: [] as number[] };
  let parse: Awaited<ReturnType<typeof parseCosts>>;
  try {
    for (const kind of ['bare', 'status'] as const) {
      await autocannon({ url: servers[kind].url, connections, duration: 3 });
    }
    for (let i = 0; i < runs; i++) {
      // Each round runs both; every other round starts with the other, so whatever drifts over a
      // round (the load of other work, the load generator's own heap) falls on both alike.
      const order = i % 2 === 0 ? (['bare', 'status'] as const) : (['status', 'bare'] as const);
      for (const kind of order) {
        const before = await servers[kind].cpuUs();
        const clientBefore = process.cpuUsage();
        const run = await load(servers[kind].url, connections, seconds);
        const client = process.cpuUsage(clientBefore);
        cpu[kind].push((await servers[kind].cpuUs()) - before);
        clientCpu[kind].push(client.user + client.system);
        results[kind].push(run);
        const rps = run.result.requests.total / run.result.duration;
        log(
          `${kind} run ${i + 1}/${runs}: ${rps.toFixed(0)} req/s, p99 ${run.p99Us.toFixed(0)} µs (load ${(loadavg()[0] ?? 0).toFixed(1)})`,
        );
      }
    }
    parse = await parseCosts({ bare: servers.bare.url, status: servers.status.url });
  } finally {
    await Promise.all([servers.bare.stop(), servers.status.stop()]);
  }
  const status = figures(results.status, cpu.status, clientCpu.status, parse.status);
  const bare = figures(results.bare, cpu.bare, clientCpu.bare, parse.bare);
  // Paired by round: the two runs of a round are seconds apart, so load that comes and goes hits both.
  const ratios = status.rps.map((v, i) => v / (bare.rps[i] ?? Number.NaN));
  const p99Ratios = status.p99.map((v, i) => v / (bare.p99[i] ?? Number.NaN));
  return {
    status,
    bare,
    ratio: median(ratios),
    ratios,
    p99Ratio: median(p99Ratios),
    p99Ratios,
    cpuRatio: bare.medianCpuUs / status.medianCpuUs,
    load: { before: loadBefore, after: loadavg()[0] ?? Number.NaN },
    connections,
    seconds,
    runs,
  };
}

/** The section for bench/run.ts. */
export const statusServerSection: Section = {
  name: SECTION,
  async run({ quick, log }): Promise<SectionResult> {
    const r = await benchStatusServer({ runs: quick ? 2 : 7, seconds: 3, log });
    const subject = `/s/<token>.json, ${r.connections} connections, ${r.runs} × ${r.seconds} s`;
    const faults = r.status.non2xx + r.status.errors + r.bare.non2xx + r.bare.errors;
    const load = `load average ${r.load.before.toFixed(1)} → ${r.load.after.toFixed(1)} on ${cpus().length} cores`;
    const row = (
      metric: string,
      value: number,
      unit: string,
      extra: Partial<BenchRow> = {},
    ): BenchRow => ({
      section: SECTION,
      subject,
      metric,
      value,
      unit,
      ...extra,
    });
    const rows: BenchRow[] = [
      row('status server: requests/s (median)', r.status.medianRps, 'req/s', {
        samples: r.status.rps,
        ...(faults > 0 ? { note: `non-2xx or errors: ${faults}` } : {}),
      }),
      row('bare node:http: requests/s (median)', r.bare.medianRps, 'req/s', {
        samples: r.bare.rps,
      }),
      row('status / bare throughput (median of rounds)', r.ratio, '×', {
        samples: r.ratios,
        target: { op: '>=', value: 0.9 },
        note: `${load}; bare and status interleaved, one run each per round, the order swapped every round`,
      }),
      row('status / bare p99 latency (median of rounds)', r.p99Ratio, '×', {
        samples: r.p99Ratios,
        target: { op: '<', value: 1.2 },
        note: 'p99 of every response’s own hrtime duration (µs), not autocannon’s whole-ms histogram',
      }),
      row('status server: p99 latency (median)', r.status.medianP99, 'µs', {
        samples: r.status.p99,
        note: `autocannon’s whole-ms p99 per run: ${r.status.p99WholeMs.join(', ')}`,
      }),
      row('bare node:http: p99 latency (median)', r.bare.medianP99, 'µs', {
        samples: r.bare.p99,
        note: `autocannon’s whole-ms p99 per run: ${r.bare.p99WholeMs.join(', ')}`,
      }),
      row('status server: CPU per request (median)', r.status.medianCpuUs, 'µs', {
        samples: r.status.cpuUsPerRequest,
      }),
      row('bare node:http: CPU per request (median)', r.bare.medianCpuUs, 'µs', {
        samples: r.bare.cpuUsPerRequest,
      }),
      row('bare / status CPU per request', r.cpuRatio, '×', {
        note: 'the throughput ratio if the server process were the only limit',
      }),
      row('load generator: CPU per response, status (median)', r.status.medianClientCpuUs, 'µs', {
        samples: r.status.clientCpuUsPerRequest,
      }),
      row('load generator: CPU per response, bare (median)', r.bare.medianClientCpuUs, 'µs', {
        samples: r.bare.clientCpuUsPerRequest,
      }),
      row('load generator: parse of one status response', r.status.parseUs, 'µs', {
        note: `${r.status.responseBytes} bytes; http-parser-js, as autocannon parses it`,
      }),
      row('load generator: parse of one bare response', r.bare.parseUs, 'µs', {
        note: `${r.bare.responseBytes} bytes; the status response's extra lines are its security and cache headers`,
      }),
    ];
    return {
      rows,
      meta: {
        ...r,
        method: 'autocannon 9 in the bench process; each server in its own node process (tsx)',
      },
    };
  },
};
