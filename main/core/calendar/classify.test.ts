import { describe, expect, it } from 'vitest';
import type { CalendarRole, ClassificationRules, ClientMatcher } from '../../../shared/domain.js';
import {
  DEFAULT_RULES,
  classifyAll,
  classifyEvent,
  previewRules,
  type TaggedEvent,
} from './classify.js';
import type { ExpandedEvent } from './types.js';

const T0 = Date.parse('2025-06-02T08:00:00Z');
const HOUR = 3_600_000;

function ev(partial: Partial<ExpandedEvent> = {}): ExpandedEvent {
  return {
    uid: 'u1',
    summary: 'Something',
    start: T0,
    end: T0 + HOUR,
    allDay: false,
    recurring: false,
    transparent: false,
    attendees: [],
    categories: [],
    ...partial,
  };
}

const acme: ClientMatcher = { id: 'acme', name: 'Acme', domains: ['Acme.COM'], keywords: ['Acme'] };
const labs: ClientMatcher = {
  id: 'labs',
  name: 'Acme Labs',
  domains: ['labs.acme.com'],
  keywords: [],
};
const beta: ClientMatcher = {
  id: 'beta',
  name: 'Beta GmbH',
  domains: ['@beta.de'],
  keywords: ['Beta Projekt'],
};
const clients = [acme, labs, beta];

function kindOf(
  summary: string,
  more: Partial<ExpandedEvent> = {},
  role: CalendarRole = 'busy',
): string {
  return classifyEvent(ev({ summary, ...more }), role, DEFAULT_RULES, clients).kind;
}

describe('focus keywords (defaults)', () => {
  it.each([
    'Focus time',
    'Deep Work',
    'deep-work block',
    'Fokuszeit',
    'Fokus: Angebot schreiben',
    'Nicht stören!',
    'NICHT STÖREN',
    'nicht stoeren',
    'nicht storen',
    'Do Not Disturb',
    '[DND] writing',
    'Heads-down: report',
    'heads down',
    'Focus-Block',
  ])('"%s" is focus', (title) => {
    expect(kindOf(title)).toBe('focus');
  });

  it.each(['refocus meeting', 'Focusing group', 'deep workshop', 'Fokusgruppe', 'Lunch'])(
    '"%s" is not focus (keywords match whole words only)',
    (title) => {
      expect(kindOf(title)).toBe('busy');
    },
  );

  it('says which keyword matched, as the user wrote it', () => {
    const r = classifyEvent(ev({ summary: 'Nicht Stören' }), 'busy', DEFAULT_RULES, []);
    expect(r.matchedBy).toBe('focus keyword "nicht stören"');
  });

  it('matches a keyword written with an umlaut spelt out against a title with the umlaut', () => {
    const rules: ClassificationRules = {
      ...DEFAULT_RULES,
      focusKeywords: ['Schreibzeit fuer Buero'],
    };
    expect(classifyEvent(ev({ summary: 'Schreibzeit für Büro' }), 'busy', rules, []).kind).toBe(
      'focus',
    );
  });

  it('ignores keywords without letters or digits instead of matching every title', () => {
    const rules: ClassificationRules = { ...DEFAULT_RULES, focusKeywords: ['  ', '!!!'] };
    expect(classifyEvent(ev({ summary: 'Lunch !!!' }), 'busy', rules, []).kind).toBe('busy');
  });
});

describe('free, busy and calendar roles', () => {
  it('transparent events are free, even with a focus keyword', () => {
    expect(kindOf('Focus time', { transparent: true })).toBe('free');
  });

  it('tentative events are busy by default and free when the rules say so', () => {
    const e = ev({ summary: 'Maybe', status: 'TENTATIVE' });
    expect(classifyEvent(e, 'busy', DEFAULT_RULES, []).kind).toBe('busy');
    expect(classifyEvent(e, 'busy', { ...DEFAULT_RULES, tentativeIsBusy: false }, []).kind).toBe(
      'free',
    );
  });

  it('an ignored calendar makes everything free, even client meetings', () => {
    expect(kindOf('Acme sync', { attendees: ['bob@acme.com'] }, 'ignore')).toBe('free');
  });

  it('a focus calendar makes every event focus: plain, transparent and all-day', () => {
    expect(kindOf('Lunch', {}, 'focus')).toBe('focus');
    expect(kindOf('Lunch', { transparent: true }, 'focus')).toBe('focus');
    expect(kindOf('Writing', { allDay: true }, 'focus')).toBe('focus');
  });

  it('other opaque events are busy', () => {
    expect(classifyEvent(ev({ summary: 'Dentist' }), 'busy', DEFAULT_RULES, clients)).toEqual({
      kind: 'busy',
      matchedBy: 'busy event',
    });
  });
});

describe('all-day events and away', () => {
  it.each(['Birthday Anna', 'Focus week', 'Acme launch'])('all-day "%s" is free', (title) => {
    expect(kindOf(title, { allDay: true })).toBe('free');
  });

  it.each(['Urlaub', 'Out of Office', 'OOO', 'Vacation Spain', 'Public holiday', 'Feiertag'])(
    'all-day "%s" makes the user away',
    (title) => {
      expect(kindOf(title, { allDay: true })).toBe('away');
      expect(kindOf(title, { allDay: true, transparent: true })).toBe('away');
    },
  );

  it('a timed out-of-office block is away too', () => {
    expect(kindOf('OOO – dentist')).toBe('away');
  });

  it('client attendees beat an away word in the title', () => {
    expect(kindOf('Vacation handover', { attendees: ['bob@acme.com'] })).toBe('client-meeting');
  });

  it('custom away keywords replace the built-in ones', () => {
    const rules: ClassificationRules = { ...DEFAULT_RULES, awayKeywords: ['Elternzeit'] };
    expect(classifyEvent(ev({ summary: 'Elternzeit', allDay: true }), 'busy', rules, []).kind).toBe(
      'away',
    );
    expect(classifyEvent(ev({ summary: 'Urlaub', allDay: true }), 'busy', rules, []).kind).toBe(
      'free',
    );
  });
});

describe('client meetings', () => {
  it('an attendee at a client domain makes a client meeting', () => {
    const r = classifyEvent(
      ev({ summary: 'Sync', attendees: ['me@me.dev', 'bob@acme.com'] }),
      'busy',
      DEFAULT_RULES,
      clients,
    );
    expect(r).toEqual({
      kind: 'client-meeting',
      clientId: 'acme',
      matchedBy: 'attendee domain acme.com (Acme)',
    });
  });

  it('a subdomain of a client domain matches, a look-alike domain does not', () => {
    expect(
      classifyEvent(ev({ attendees: ['x@eu.acme.com'] }), 'busy', DEFAULT_RULES, [acme]).clientId,
    ).toBe('acme');
    expect(
      classifyEvent(ev({ attendees: ['x@notacme.com'] }), 'busy', DEFAULT_RULES, [acme]).kind,
    ).toBe('busy');
    expect(
      classifyEvent(ev({ attendees: ['x@acme.com.evil.io'] }), 'busy', DEFAULT_RULES, [acme]).kind,
    ).toBe('busy');
  });

  it('the most specific client domain wins', () => {
    expect(
      classifyEvent(ev({ attendees: ['x@labs.acme.com'] }), 'busy', DEFAULT_RULES, clients)
        .clientId,
    ).toBe('labs');
    expect(
      classifyEvent(ev({ attendees: ['x@dev.labs.acme.com'] }), 'busy', DEFAULT_RULES, clients)
        .clientId,
    ).toBe('labs');
  });

  it('the organizer decides first, then the client with most attendees', () => {
    const attendees = ['a@acme.com', 'b@beta.de', 'c@beta.de'];
    expect(classifyEvent(ev({ attendees }), 'busy', DEFAULT_RULES, clients).clientId).toBe('beta');
    const r = classifyEvent(
      ev({ attendees, organizer: 'boss@acme.com' }),
      'busy',
      DEFAULT_RULES,
      clients,
    );
    expect(r.clientId).toBe('acme');
    expect(r.matchedBy).toBe('organizer domain acme.com (Acme)');
  });

  it('a client keyword in the title matches as a word', () => {
    expect(classifyEvent(ev({ summary: 'Acme: roadmap' }), 'busy', DEFAULT_RULES, clients)).toEqual(
      {
        kind: 'client-meeting',
        clientId: 'acme',
        matchedBy: 'client keyword "Acme" (Acme)',
      },
    );
    expect(kindOf('Acmeology talk')).toBe('busy');
    expect(
      classifyEvent(ev({ summary: 'Call zum Beta-Projekt' }), 'busy', DEFAULT_RULES, clients)
        .clientId,
    ).toBe('beta');
  });

  it('a recurring client meeting is a standing call', () => {
    const r = classifyEvent(
      ev({ summary: 'Weekly', attendees: ['bob@acme.com'], recurring: true }),
      'busy',
      DEFAULT_RULES,
      clients,
    );
    expect(r).toEqual({
      kind: 'standing-call',
      clientId: 'acme',
      matchedBy: 'attendee domain acme.com (Acme), recurring',
    });
    expect(kindOf('Acme weekly', { recurring: true })).toBe('standing-call');
  });

  it('a recurring event that is not with a client stays busy', () => {
    expect(kindOf('Team standup', { recurring: true })).toBe('busy');
  });

  it('a transparent client meeting is free', () => {
    expect(kindOf('Acme sync', { attendees: ['bob@acme.com'], transparent: true })).toBe('free');
  });
});

describe('classifyAll and previewRules', () => {
  const tagged: TaggedEvent[] = [
    {
      event: ev({
        uid: 'b',
        summary: 'Acme weekly',
        start: T0 + 3 * HOUR,
        end: T0 + 4 * HOUR,
        recurring: true,
      }),
      role: 'busy',
      calendar: 'Work',
    },
    {
      event: ev({ uid: 'a', summary: 'Schreibzeit', start: T0 + HOUR, end: T0 + 2 * HOUR }),
      role: 'busy',
      calendar: 'Work',
    },
    {
      event: ev({ uid: 'old', summary: 'Yesterday', start: T0 - 30 * HOUR, end: T0 - 29 * HOUR }),
      role: 'busy',
      calendar: 'Work',
    },
    {
      event: ev({ uid: 'c', summary: 'Gym', start: T0 + 5 * HOUR, end: T0 + 6 * HOUR }),
      role: 'ignore',
      calendar: 'Private',
    },
  ];

  it('classifyAll keeps order and the tags', () => {
    const out = classifyAll(tagged, DEFAULT_RULES, clients);
    expect(out.map((c) => [c.event.uid, c.kind, c.calendar])).toEqual([
      ['b', 'standing-call', 'Work'],
      ['a', 'busy', 'Work'],
      ['old', 'busy', 'Work'],
      ['c', 'free', 'Private'],
    ]);
  });

  it('previews upcoming events soonest first with what matched, under unsaved rules', () => {
    const draft: ClassificationRules = {
      ...DEFAULT_RULES,
      focusKeywords: [...DEFAULT_RULES.focusKeywords, 'Schreibzeit'],
    };
    const rows = previewRules(tagged, draft, clients, { now: T0 });
    expect(rows).toEqual([
      {
        start: new Date(T0 + HOUR).toISOString(),
        end: new Date(T0 + 2 * HOUR).toISOString(),
        summary: 'Schreibzeit',
        calendar: 'Work',
        kind: 'focus',
        matchedBy: 'focus keyword "Schreibzeit"',
      },
      {
        start: new Date(T0 + 3 * HOUR).toISOString(),
        end: new Date(T0 + 4 * HOUR).toISOString(),
        summary: 'Acme weekly',
        calendar: 'Work',
        kind: 'standing-call',
        matchedBy: 'client keyword "Acme" (Acme), recurring',
        clientName: 'Acme',
      },
      {
        start: new Date(T0 + 5 * HOUR).toISOString(),
        end: new Date(T0 + 6 * HOUR).toISOString(),
        summary: 'Gym',
        calendar: 'Private',
        kind: 'free',
        matchedBy: 'calendar set to ignore',
      },
    ]);
    expect(previewRules(tagged, draft, clients, { now: T0, limit: 1 })).toHaveLength(1);
  });

  it('DEFAULT_RULES cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULES.focusKeywords)).toBe(true);
    expect(DEFAULT_RULES.tentativeIsBusy).toBe(true);
  });
});
