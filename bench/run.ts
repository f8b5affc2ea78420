/** `npm run bench`: runs the benchmark sections, prints a table and writes bench/results/*.json. */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  type BenchReport,
  type BenchRow,
  type Section,
  formatTable,
  judge,
  loadWarning,
  machineInfo,
  summarize,
  writeReport,
} from './report.js';

/** The sections in the order they run; each lives in its own module and is loaded only when selected. */
const SECTIONS: { name: string; summary: string; load: () => Promise<Section> }[] = [
  {
    name: 'calendar',
    summary:
      'parse + expand speed vs node-ical and the floor, memory, re-sync, main-thread stall, status query',
    load: async () => (await import('./calendar.js')).calendarSection,
  },
  {
    name: 'changed-feed',
    summary:
      'longest main-thread stall while the core syncs a changed 50k feed (parse, classify, timeline, contacts), idle control',
    load: async () => (await import('./changed-feed.js')).changedFeedSection,
  },
  {
    name: 'status-server',
    summary:
      'status link JSON under autocannon (50 connections) vs bare node:http: req/s, p99, CPU per request',
    load: async () => (await import('./status-server.js')).statusServerSection,
  },
  {
    name: 'ledger',
    summary:
      'rate case on 5 years (100k contacts): full analysis, logging a contact on disk, opening the store',
    load: async () => (await import('./ledger.js')).ledgerSection,
  },
  {
    name: 'dashboard',
    summary:
      'serve on 5 years of data in Chromium: Clients overview shown, a client chart drawn, JS bundle gzipped',
    load: async () => (await import('./dashboard.js')).dashboardSection,
  },
];

const USAGE = `Usage: npm run bench -- [--quick] [--only NAME[,NAME]]

  --quick        small sizes only (1k and 10k events) and fewer rounds
  --only NAMES   run only these sections: ${SECTIONS.map((s) => s.name).join(', ')}
`;

interface Args {
  quick: boolean;
  only?: string[];
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--quick') args.quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value) return '--only needs a section name';
      args.only = value.split(',').map((s) => s.trim());
      const unknown = args.only.filter((n) => !SECTIONS.some((s) => s.name === n));
      if (unknown.length > 0) return `unknown section: ${unknown.join(', ')}`;
    } else if (arg === '--help' || arg === '-h') return '';
    else return `unknown option: ${arg}`;
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(args ? `bench: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  const startedAt = new Date().toISOString();
  const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
  const report: BenchReport = {
    startedAt,
    finishedAt: startedAt,
    args: argv,
    machine: machineInfo(),
    loadAverage: { start: loadavg(), end: [] },
    sections: {},
    summary: { rows: 0, passed: 0, failed: 0, skipped: 0 },
  };
  const all: BenchRow[] = [];
  for (const entry of SECTIONS) {
    if (args.only && !args.only.includes(entry.name)) continue;
    log(`section ${entry.name}: ${entry.summary}`);
    const section = await entry.load();
    const result = await section.run({ quick: args.quick, log });
    const rows = result.rows.map(judge);
    report.sections[entry.name] = { meta: result.meta, rows };
    all.push(...rows);
  }
  report.finishedAt = new Date().toISOString();
  report.loadAverage.end = loadavg();
  report.summary = summarize(all);
  process.stdout.write(`\n${formatTable(all)}`);
  const { passed, failed, skipped } = report.summary;
  process.stdout.write(
    `\n${passed} passed, ${failed} failed, ${skipped} skipped (targets only; other rows are figures)\n`,
  );
  for (const load of [report.loadAverage.start, report.loadAverage.end]) {
    const warning = loadWarning(load);
    if (warning) {
      process.stdout.write(
        `${warning} (${load === report.loadAverage.start ? 'at the start' : 'at the end'})\n`,
      );
    }
  }
  const file = await writeReport(report, fileURLToPath(new URL('./results/', import.meta.url)));
  process.stdout.write(`results: ${file} (and bench/results/latest.json)\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
