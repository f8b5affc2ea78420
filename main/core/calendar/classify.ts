/**
 * Sorts expanded events into what they mean for availability: focus, client meeting, standing call,
 * other busy, away (out of office) or free.
 *
 * Order of the checks (the first that applies decides):
 *  1. calendar role "ignore" → free; role "focus" → focus (every event, all-day or not, transparent or not)
 *  2. all-day events: an away keyword → away, anything else → free (all-day entries are mostly
 *     birthdays and reminders, and Google marks them transparent by default)
 *  3. TRANSP:TRANSPARENT → free; TENTATIVE → free when the rules say tentative is not busy
 *  4. an attendee/organizer e-mail domain (or a subdomain) of a client → client meeting
 *     (attendees are harder evidence than a word in the title, so this beats the keywords)
 *  5. an away keyword → away; 6. a focus keyword → focus; 7. a client keyword → client meeting
 *  8. anything else → busy
 * A client meeting that is an occurrence of a series (`recurring`) is a standing call.
 */
import type {
  CalendarRole,
  ClassificationRules,
  ClientMatcher,
  EventKind,
} from '../../../shared/domain.js';
import type { RulePreviewRow } from '../../../shared/api.js';
import type { ExpandedEvent } from './types.js';
import { KeywordSet, keywordSet, textForms } from './keyword-match.js';

/** Built-in focus keywords (English and German). */
export const DEFAULT_FOCUS_KEYWORDS: readonly string[] = Object.freeze([
  'focus',
  'deep work',
  'Fokus',
  'Fokuszeit',
  'nicht stören',
  'do not disturb',
  'DND',
  'heads-down',
]);

/** Built-in keywords that mark the user away (out of office). */
export const DEFAULT_AWAY_KEYWORDS: readonly string[] = Object.freeze([
  'Urlaub',
  'out of office',
  'OOO',
  'vacation',
  'holiday',
  'abwesend',
  'Feiertag',
  'PTO',
]);

/** The rules a new installation starts with (frozen, lists too: copy before editing). */
export const DEFAULT_RULES: Readonly<ClassificationRules> = Object.freeze({
  // The lists are frozen; the casts only fit them to the mutable shape the settings type uses.
  focusKeywords: DEFAULT_FOCUS_KEYWORDS as string[],
  tentativeIsBusy: true,
  awayKeywords: DEFAULT_AWAY_KEYWORDS as string[],
});

/** What one event means, and a plain-words note of what decided it (for the rules editor). */
export interface EventClassification {
  kind: EventKind;
  clientId?: string;
  matchedBy: string;
}

/** An occurrence together with the role (and name) of the calendar it came from. */
export interface TaggedEvent {
  event: ExpandedEvent;
  role: CalendarRole;
  /** Calendar display name, for the rules preview. */
  calendar?: string;
  sourceId?: string;
}

/** A tagged occurrence with its classification. */
export interface ClassifiedEvent extends TaggedEvent, EventClassification {}

/** Rules and clients prepared once for many events. */
interface Classifier {
  focus: KeywordSet;
  away: KeywordSet;
  clientKeywords: KeywordSet<ClientMatcher>;
  /** Normalised domain → client; a more specific (longer) domain is looked up first. */
  domains: Map<string, ClientMatcher>;
  tentativeIsBusy: boolean;
}

/** "@Acme.COM." → "acme.com"; an e-mail address given as a domain keeps only its domain. */
function normaliseDomain(raw: string): string {
  let d = raw.trim().toLowerCase();
  const at = d.lastIndexOf('@');
  if (at >= 0) d = d.slice(at + 1);
  return d.replace(/^\*?\.+/, '').replace(/\.+$/, '');
}

function compile(rules: ClassificationRules, clients: readonly ClientMatcher[]): Classifier {
  const clientKeywords = new KeywordSet<ClientMatcher>();
  const domains = new Map<string, ClientMatcher>();
  for (const client of clients) {
    for (const k of client.keywords) clientKeywords.add(k, client);
    for (const raw of client.domains) {
      const d = normaliseDomain(raw);
      // The first client listing a domain keeps it: a stable answer when two clients share one.
      if (d !== '' && !domains.has(d)) domains.set(d, client);
    }
  }
  return {
    focus: keywordSet(rules.focusKeywords),
    away: keywordSet(rules.awayKeywords ?? DEFAULT_AWAY_KEYWORDS),
    clientKeywords,
    domains,
    tentativeIsBusy: rules.tentativeIsBusy,
  };
}

/** The client whose domain is the e-mail's domain or a parent of it (most specific first). */
function clientForEmail(
  email: string,
  domains: Map<string, ClientMatcher>,
): [ClientMatcher, string] | undefined {
  let d = normaliseDomain(email);
  for (;;) {
    const client = domains.get(d);
    if (client !== undefined) return [client, d];
    const dot = d.indexOf('.');
    if (dot < 0) return undefined;
    d = d.slice(dot + 1);
  }
}

/** Organizer's client first; else the client with most attendees; ties go to the first attendee's. */
function clientByDomain(
  event: ExpandedEvent,
  c: Classifier,
): { client: ClientMatcher; note: string } | undefined {
  if (c.domains.size === 0) return undefined;
  if (event.organizer !== undefined) {
    const hit = clientForEmail(event.organizer, c.domains);
    if (hit) return { client: hit[0], note: `organizer domain ${hit[1]}` };
  }
  const counts = new Map<ClientMatcher, { n: number; domain: string }>();
  for (const email of event.attendees) {
    const hit = clientForEmail(email, c.domains);
    if (!hit) continue;
    const seen = counts.get(hit[0]);
    if (seen) seen.n += 1;
    else counts.set(hit[0], { n: 1, domain: hit[1] });
  }
  let best: { client: ClientMatcher; n: number; domain: string } | undefined;
  for (const [client, { n, domain }] of counts)
    if (best === undefined || n > best.n) best = { client, n, domain };
  return best && { client: best.client, note: `attendee domain ${best.domain}` };
}

function clientMeeting(
  event: ExpandedEvent,
  client: ClientMatcher,
  note: string,
): EventClassification {
  const recurring = event.recurring;
  return {
    kind: recurring ? 'standing-call' : 'client-meeting',
    clientId: client.id,
    matchedBy: `${note} (${client.name})${recurring ? ', recurring' : ''}`,
  };
}

function classifyWith(
  event: ExpandedEvent,
  role: CalendarRole,
  c: Classifier,
): EventClassification {
  if (role === 'ignore') return { kind: 'free', matchedBy: 'calendar set to ignore' };
  if (role === 'focus') return { kind: 'focus', matchedBy: 'focus calendar' };
  const title = textForms(event.summary);
  if (event.allDay) {
    const away = c.away.match(title);
    if (away) return { kind: 'away', matchedBy: `away keyword "${away.keyword}" (all-day)` };
    return { kind: 'free', matchedBy: 'all-day event' };
  }
  if (event.transparent) return { kind: 'free', matchedBy: 'shown as free (transparent)' };
  const tentative = event.status === 'TENTATIVE';
  if (tentative && !c.tentativeIsBusy)
    return { kind: 'free', matchedBy: 'tentative (rules: not busy)' };
  const byDomain = clientByDomain(event, c);
  if (byDomain) return clientMeeting(event, byDomain.client, byDomain.note);
  const away = c.away.match(title);
  if (away) return { kind: 'away', matchedBy: `away keyword "${away.keyword}"` };
  const focus = c.focus.match(title);
  if (focus) return { kind: 'focus', matchedBy: `focus keyword "${focus.keyword}"` };
  const byKeyword = c.clientKeywords.match(title);
  if (byKeyword)
    return clientMeeting(event, byKeyword.tag, `client keyword "${byKeyword.keyword}"`);
  return { kind: 'busy', matchedBy: tentative ? 'tentative (counts as busy)' : 'busy event' };
}

/** Classifies one occurrence from a calendar with the given role. */
export function classifyEvent(
  event: ExpandedEvent,
  calendarRole: CalendarRole,
  rules: ClassificationRules,
  clients: readonly ClientMatcher[],
): EventClassification {
  return classifyWith(event, calendarRole, compile(rules, clients));
}

/** Classifies many occurrences, preparing the rules once. Keeps the input order. */
export function classifyAll(
  events: readonly TaggedEvent[],
  rules: ClassificationRules,
  clients: readonly ClientMatcher[],
): ClassifiedEvent[] {
  const c = compile(rules, clients);
  return events.map((tagged) => ({ ...tagged, ...classifyWith(tagged.event, tagged.role, c) }));
}

/** Options for the rules preview. */
export interface PreviewOptions {
  /** Events that ended at or before this instant are left out (default: now). */
  now?: number;
  /** At most this many rows (default 200). */
  limit?: number;
}

/**
 * What the given (possibly unsaved) rules make of each upcoming event, soonest first, so the rules
 * editor can show what a keyword matches before the user saves it. Titles stay on this machine.
 */
export function previewRules(
  events: readonly TaggedEvent[],
  rules: ClassificationRules,
  clients: readonly ClientMatcher[],
  options: PreviewOptions = {},
): RulePreviewRow[] {
  const now = options.now ?? Date.now();
  const limit = options.limit ?? 200;
  const c = compile(rules, clients);
  const names = new Map(clients.map((client) => [client.id, client.name]));
  const upcoming = events
    .filter((t) => t.event.end > now)
    .sort((a, b) => a.event.start - b.event.start || a.event.end - b.event.end)
    .slice(0, Math.max(0, limit));
  return upcoming.map((t) => {
    const result = classifyWith(t.event, t.role, c);
    const clientName = result.clientId === undefined ? undefined : names.get(result.clientId);
    const row: RulePreviewRow = {
      start: new Date(t.event.start).toISOString(),
      end: new Date(t.event.end).toISOString(),
      summary: t.event.summary,
      calendar: t.calendar ?? '',
      kind: result.kind,
      matchedBy: result.matchedBy,
    };
    if (clientName !== undefined) row.clientName = clientName;
    return row;
  });
}
