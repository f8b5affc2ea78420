/**
 * The dashboard section of `npm run bench`: a real `office-hours serve` on a data folder with five years
 * of data (100k contacts, 20k time entries, 20 clients), opened in Debian's Chromium. Each round opens a
 * fresh browser context (empty cache) at `#overview` and at `#client/<id>` and takes, from the page's
 * own clock, the time from navigation start to the frame in which the overview's rows and the client's
 * 12-week chart are drawn. Also the JavaScript the page loaded, gzipped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { generateLedger } from '../main/core/analysis/sample-data.js';
import { openStore } from '../main/core/store/store.js';
import type { MARKS } from './dashboard-helpers.js';
import { bundleSizes, dashboardLine, endOfYesterday, marksScript } from './dashboard-helpers.js';
import { storedClient } from './ledger.js';
import type { BenchRow, Section, SectionContext, SectionResult } from './report.js';
import { median } from './stats.js';

const SECTION = 'dashboard';
const SEED = 1;
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Where the dashboard keeps the session token (renderer/src/api.ts). */
const TOKEN_KEY = 'office-hours-session';
/** The client whose detail is opened: the most demanding one, so the chart has the most bars. */
const DETAIL_CLIENT = 'client-1';

/** Targets from the issue. */
export const TARGETS = {
  shownMs: { op: '<', value: 500 },
  bundleKB: { op: '<', value: 300 },
} as const;

interface Serve {
  baseUrl: string;
  token: string;
  stop: () => Promise<void>;
}

/** Writes the sample data the way the app stores it: one data file through the store. */
async function writeDataDir(dir: string): Promise<void> {
  const data = generateLedger({
    years: 5,
    contacts: 100_000,
    entries: 20_000,
    clients: 20,
    seed: SEED,
    end: endOfYesterday(Date.now()),
  });
  const store = openStore(dir, { watch: false });
  store.update((d) => {
    d.settings.userTimeZone = 'Europe/Berlin';
    d.clients = data.clients.map(storedClient);
    d.contacts = data.contacts;
    d.timeEntries = data.entries;
  });
  store.close();
}

/** `office-hours serve` on `dataDir`, both servers on free ports, until its Dashboard line. */
async function startServe(dataDir: string): Promise<Serve> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/office-hours.js', '--data-dir', dataDir, 'serve', '--port', '0', '--dashboard-port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, OFFICE_HOURS_HOME: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const found = await new Promise<{ baseUrl: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      const link = dashboardLine(line);
      if (link) {
        clearTimeout(timer);
        resolve(link);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`serve exited before listening:\n${output}`));
    });
  });
  return {
    ...found,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One cold open of `hash`: ms from navigation start until `mark` was drawn, and the API call's time. */
interface Opened {
  shownMs: number;
  apiMs: number;
  /** When the API call went out, ms after navigation start: the page's own start-up before it. */
  apiStartMs: number;
  /** Every request the page made: path, start and end, ms after navigation start. */
  timeline: { path: string; start: number; end: number }[];
  scripts: Map<string, Buffer>;
}

async function open(
  browser: Browser,
  serve: Serve,
  hash: string,
  mark: keyof typeof MARKS,
  api: string,
): Promise<Opened> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  try {
    await context.addInitScript(marksScript(serve.token, TOKEN_KEY));
    const page: Page = await context.newPage();
    const scripts = new Map<string, Buffer>();
    const bodies: Promise<void>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      bodies.push(
        response.body().then(
          (body) => void scripts.set(response.url(), body),
          () => undefined,
        ),
      );
    });
    await page.goto(`${serve.baseUrl}${hash}`);
    await page.waitForFunction((name) => {
      const marks = (globalThis as { __benchMarks?: Record<string, number> }).__benchMarks;
      return marks?.[name] !== undefined;
    }, mark);
    const { shownMs, apiMs, apiStartMs, timeline } = await page.evaluate(
      ([name, path]) => {
        const marks = (globalThis as { __benchMarks?: Record<string, number> }).__benchMarks ?? {};
        const calls = performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.endsWith(path));
        // Page code (DOM types are not in this tsconfig): a resource entry has responseEnd.
        const last = calls.at(-1) as { responseEnd: number; startTime: number } | undefined;
        return {
          shownMs: marks[name] ?? Number.NaN,
          apiMs: last ? last.responseEnd - last.startTime : Number.NaN,
          apiStartMs: last ? last.startTime : Number.NaN,
          timeline: [
            ...performance.getEntriesByType('navigation' as 'resource'),
            ...performance.getEntriesByType('resource'),
          ].map((e) => ({
            path: new URL(e.name).pathname,
            start: Math.round(e.startTime),
            end: Math.round((e as unknown as { responseEnd: number }).responseEnd),
          })),
        };
      },
      [mark, api] as const,
    );
    await Promise.all(bodies);
    return {
      shownMs,
      apiMs,
      apiStartMs,
      timeline: [
        ...timeline,
        { path: `(${mark} drawn)`, start: Math.round(shownMs), end: Math.round(shownMs) },
      ],
      scripts,
    };
  } finally {
    await context.close();
  }
}

async function run(ctx: SectionContext): Promise<SectionResult> {
  const subject = '5 years: 100k contacts, 20k entries, 20 clients; serve + Chromium, cold context';
  const rounds = ctx.quick ? 3 : 7;
  const skip = (reason: string): SectionResult => ({
    rows: ['Clients overview shown', 'client 12-week chart drawn', 'JS bundle gzipped'].map(
      (metric) => ({ section: SECTION, subject, metric, unit: '', skipped: reason }),
    ),
    meta: { skipped: reason },
  });
  if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'dist', 'renderer')))
    return skip('not built: run `npm run build` first');
  if (!existsSync(CHROMIUM)) return skip(`no Chromium at ${CHROMIUM}`);

  const dir = await mkdtemp(join(tmpdir(), 'office-hours-bench-dashboard-'));
  let serve: Serve | undefined;
  let browser: Browser | undefined;
  try {
    ctx.log('  writing five years of data');
    await writeDataDir(dir);
    ctx.log('  starting serve');
    const started = performance.now();
    serve = await startServe(dir);
    const startMs = performance.now() - started;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const samples = { overview: [] as number[], chart: [] as number[] };
    const api = { overview: [] as number[], chart: [] as number[] };
    const asked = { overview: [] as number[], chart: [] as number[] };
    const scripts = new Map<string, Buffer>();
    const first: Record<string, number> = {};
    const timelines: Record<string, Opened['timeline']> = {};
    const pages = [
      { key: 'overview', hash: '#overview', mark: 'overview', api: '/api/getReport' },
      {
        key: 'chart',
        hash: `#client/${DETAIL_CLIENT}`,
        mark: 'chart',
        api: '/api/getClientDetail',
      },
    ] as const;
    // Round 0 is the first open after serve started (JIT cold, nothing cached): reported on its own.
    for (let round = 0; round <= rounds; round++) {
      for (let i = 0; i < pages.length; i++) {
        const p = pages[(i + round) % pages.length]!;
        const opened = await open(browser, serve, p.hash, p.mark, p.api);
        for (const [url, body] of opened.scripts) scripts.set(url, body);
        timelines[p.key] = opened.timeline;
        if (round === 0) {
          first[p.key] = opened.shownMs;
          continue;
        }
        samples[p.key].push(opened.shownMs);
        api[p.key].push(opened.apiMs);
        asked[p.key].push(opened.apiStartMs);
      }
      if (round > 0)
        ctx.log(
          `  round ${round}/${rounds}: overview ${samples.overview.at(-1)?.toFixed(0)} ms, chart ${samples.chart.at(-1)?.toFixed(0)} ms`,
        );
    }
    const bundle = bundleSizes(scripts.values());
    const row = (metric: string, values: number[], extra: Partial<BenchRow> = {}): BenchRow => ({
      section: SECTION,
      subject,
      metric,
      value: median(values),
      unit: 'ms',
      samples: values,
      ...extra,
    });
    const rows: BenchRow[] = [
      row('Clients overview shown (#overview, navigation → rows drawn)', samples.overview, {
        target: TARGETS.shownMs,
        note: `median of ${rounds}; first open after start ${first.overview?.toFixed(0)} ms`,
      }),
      row('client 12-week chart drawn (#client/<id>, navigation → bars drawn)', samples.chart, {
        target: TARGETS.shownMs,
        note: `median of ${rounds}; first open after start ${first.chart?.toFixed(0)} ms`,
      }),
      row('  overview: getReport asked (navigation → request sent)', asked.overview, {
        note: 'the page’s start-up: HTML, script, i18n, first render',
      }),
      row('  overview: getReport (request → response)', api.overview),
      row('  chart: getClientDetail asked (navigation → request sent)', asked.chart),
      row('  chart: getClientDetail (request → response)', api.chart),
      {
        section: SECTION,
        subject,
        metric: 'JS bundle gzipped (every script the pages loaded)',
        value: bundle.gzip / 1000,
        unit: 'kB',
        target: TARGETS.bundleKB,
        note: `${bundle.files} file(s), ${(bundle.raw / 1000).toFixed(0)} kB raw; gzip by node:zlib, default level`,
      },
      row('serve start on this data (spawn → Dashboard line)', [startMs]),
    ];
    return {
      rows,
      meta: {
        sizes: { years: 5, contacts: 100_000, entries: 20_000, clients: 20 },
        seed: SEED,
        rounds,
        browser: `${CHROMIUM} ${browser.version()}`,
        scripts: [...scripts.keys()].map((u) => new URL(u).pathname),
        lastTimelines: timelines,
        method:
          'fresh browser context per open; performance.now() of the animation frame in which the selector first matched',
      },
    };
  } finally {
    await browser?.close();
    await serve?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The dashboard section. */
export const dashboardSection: Section = { name: SECTION, run };
