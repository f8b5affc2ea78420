/**
 * `office-hours report [--from ISO] [--to ISO] [--period NAME] [--client NAME] [--json] [--lang en|de]`:
 * the rate case per client, and with --client that client's period week by week.
 */
import { parseArgs } from 'node:util';
import type {
  ClientReport,
  ClientScripts,
  PeriodWeek,
  RateReport,
  ScriptText,
} from '../../shared/rate-case.js';
import { REPORT_PRESETS } from '../../shared/rate-case.js';
import { parseApiInput } from '../../shared/api.js';
import { clientNamed } from './client-name.js';
import { type Command, UsageError } from './context.js';
import { formatHoursShort, formatMoneyShort, table } from './ledger-format.js';
import { withCore } from './open-core.js';

/** Prints the report: a table, the reasons per client, then the wording for clients that need it. */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      period: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      client: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected "${positionals[0]}"`);
  if (values.period !== undefined && (values.from !== undefined || values.to !== undefined))
    throw new UsageError('--period names the whole period: leave out --from and --to');
  // The schema would name its field ("preset"); the user typed --period.
  if (values.period !== undefined && !(REPORT_PRESETS as readonly string[]).includes(values.period))
    throw new UsageError(`--period: "${values.period}" — allowed: ${REPORT_PRESETS.join(', ')}`);
  // The getReport schema judges the period and the language, as for the dashboard.
  const { language: lang, ...period } = parseApiInput('getReport', {
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(values.to !== undefined ? { to: values.to } : {}),
    ...(values.period !== undefined ? { preset: values.period } : {}),
    ...(values.lang !== undefined ? { language: values.lang } : {}),
  });
  return withCore(ctx, 'cache-only', async (core) => {
    const weeksOf =
      values.client === undefined
        ? undefined
        : clientNamed(await core.listClients({}), values.client).id;
    const report = await core.getReport({ ...period, ...(weeksOf ? { weeksOf } : {}) });
    const needy = report.clients.filter((c) => c.recommendation.kind !== 'within-boundaries');
    const scripts: ClientScripts[] = [];
    for (const c of needy) {
      scripts.push(
        await core.getScripts({
          clientId: c.id,
          from: report.from,
          to: report.to,
          ...(lang ? { language: lang } : {}),
        }),
      );
    }
    if (values.json) {
      ctx.stdout(`${JSON.stringify({ ...report, scripts }, null, 2)}\n`);
      return 0;
    }
    ctx.stdout(formatReport(report));
    for (const s of scripts) ctx.stdout(formatScript(s));
    return 0;
  });
};

const RECOMMENDATION: Record<ClientReport['recommendation']['kind'], string> = {
  'within-boundaries': 'within boundaries',
  'not-enough-data': 'not enough data yet',
  'propose-standing-call': 'propose a standing call',
  'raise-rate': 'raise the rate',
};

/** The report as a table with the reasons per client below it. */
export function formatReport(report: RateReport): string {
  const day = (iso: string): string =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: report.timeZone,
    }).format(new Date(iso));
  // `to` is exclusive: the last day shown is the one before it.
  const lines = [
    `Rate case ${day(report.from)} – ${day(new Date(Date.parse(report.to) - 1).toISOString())} (${report.timeZone}); ` +
      `overhead ${report.recoveryMinutes} min per unscheduled contact (${report.recoveryLabel})`,
    '',
  ];
  if (report.clients.length === 0) {
    lines.push('No clients yet: the report needs at least one client.');
    return `${lines.join('\n')}\n`;
  }
  const rows = report.clients.map((c) => [
    c.name,
    formatHoursShort(c.billedHours),
    formatMoneyShort(c.revenue),
    String(c.contacts.total),
    `${c.contacts.adHoc} / ${c.allowance}`,
    formatHoursShort(c.overheadHours),
    c.effectiveHourlyRate ? `${formatMoneyShort(c.effectiveHourlyRate)}/h` : '—',
    RECOMMENDATION[c.recommendation.kind] + (c.recommendation.walkAwayWarning ? ' (!)' : ''),
  ]);
  const header = [
    'Client',
    'Billed h',
    'Revenue',
    'Contacts',
    'Ad-hoc / allowed',
    'Overhead h',
    'Effective rate',
    'Recommendation',
  ];
  lines.push(table(header, rows, new Set([0, 7])), '');
  for (const c of report.clients) {
    if (c.weeks) lines.push(...formatWeeks(c.name, c.weeks), '');
    const rate = c.hourlyRate ? `, rate ${formatMoneyShort(c.hourlyRate)}/h` : '';
    const next = c.nextStandingCall ? `, next standing call ${day(c.nextStandingCall)}` : '';
    lines.push(
      `${c.name} — ${RECOMMENDATION[c.recommendation.kind]} (allowance ${c.allowancePerWeek} a week${rate}${next})`,
    );
    for (const reason of c.recommendation.reasons) lines.push(`  • ${reason}`);
    for (const warning of c.warnings) lines.push(`  ! ${warning}`);
    lines.push('');
  }
  if (report.unassigned.entries > 0) {
    lines.push(
      `${report.unassigned.entries} time entries (${formatHoursShort(report.unassigned.hours)} h) match none of your clients.`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A client's period week by week: unscheduled contacts against the allowance for each week's days. */
function formatWeeks(name: string, weeks: readonly PeriodWeek[]): string[] {
  // A Monday is a civil date: read and written in UTC, so no zone moves it a day.
  const monday = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const rows = weeks.map((w) => [
    monday.format(new Date(`${w.monday}T00:00:00Z`)),
    String(w.days),
    String(w.adHoc),
    String(w.allowance),
    w.over ? 'over' : 'within',
  ]);
  return [
    `${name} week by week`,
    table(['Week of', 'Days', 'Ad-hoc', 'Allowed', ''], rows, new Set([0, 4])),
  ];
}

/** The script the recommendation calls for, ready to copy. */
export function formatScript(s: ClientScripts): string {
  const pick: [string, ScriptText | null] =
    s.recommended === 'rateChangeNotice' && s.rateChangeNotice
      ? ['rate change notice', s.rateChangeNotice]
      : ['standing call proposal', s.standingCallProposal];
  const [title, script] = pick;
  if (!script) return '';
  const subject = script.subject ? `Subject: ${script.subject}\n\n` : '';
  return `── Wording for ${s.name} (${title}, ${s.language}) ──\n${subject}${script.body}\n\n`;
}
