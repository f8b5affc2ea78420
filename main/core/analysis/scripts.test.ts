import { describe, expect, it } from 'vitest';
import type { Contact, LedgerClient, TimeEntry } from '../../../shared/ledger.js';
import { analyse } from './analyse.js';
import {
  availabilityConversation,
  rateChangeNotice,
  scriptLanguage,
  standingCallProposal,
  voicemailFollowUp,
} from './scripts.js';

/*
 * Weber (German, €100/h, standing call Friday 14 March 2025 10:00 Berlin) and Acme (British, €100/h,
 * no call known) have the same month: 3 calls of 20' last week (W10), 4 this week (W11), 600' billed
 * without amounts. Today is Wednesday 12 March; the window is 1–12 March (12 days).
 *   adHoc 7, unbilled 140', overhead 161' → burden 301' = 5.0 h; revenue 600' × €100/h = 100000
 *   effective = 100000×60 / (600+140+161) = 6 000 000 / 901 = 6659.3 → 6659 (€66.59)
 *   newRate = 10000 × 901 / 600 = 15016.7 → €151 (+51 %)
 *   retainer = (10000×901/60 − 100000) × 30.436875 / 12 = 50166.7 × 2.53640625 = 127243.1 → €1,273
 * Intl puts no-break spaces in "151 €" and "51 %"; the checks read them as plain spaces.
 */
const day = (d: number, h = 9): string =>
  `2025-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`;
function ledgerFor(clientId: string): { contacts: Contact[]; entries: TimeEntry[] } {
  const at = [day(3), day(4), day(5), day(10), day(10, 14), day(11), day(12)];
  return {
    contacts: at.map((a, i) => ({
      id: `${clientId}-${i}`,
      clientId,
      kind: 'call',
      at: a,
      minutes: 20,
      scheduled: false,
      source: 'manual',
    })),
    entries: [
      {
        id: `${clientId}-e`,
        clientId,
        clientName: clientId,
        date: '2025-03-05',
        minutes: 600,
        billable: true,
        source: 'manual',
        importKey: `${clientId}-e`,
      },
    ],
  };
}
const weber: LedgerClient = {
  id: 'weber',
  name: 'Weber Consulting GmbH',
  currency: 'EUR',
  hourlyRateMinor: 10_000,
  locale: 'de-DE',
  timeZone: 'Europe/Berlin',
  nextStandingCall: '2025-03-14T09:00:00Z',
};
const acme: LedgerClient = {
  id: 'acme',
  name: 'Acme',
  currency: 'EUR',
  hourlyRateMinor: 10_000,
  locale: 'en-GB',
  timeZone: 'Europe/London',
};
const a = ledgerFor('weber');
const b = ledgerFor('acme');
const result = analyse({
  contacts: [...a.contacts, ...b.contacts],
  entries: [...a.entries, ...b.entries],
  clients: [weber, acme],
  settings: {
    timeZone: 'Europe/Berlin',
    now: '2025-03-12T12:00:00Z',
    recentMonths: 1,
    minBilledWeeks: 1,
  },
});
const [weberAnalysis, acmeAnalysis] = result.clients;
/** A script's text with Intl's no-break spaces as plain ones. */
const plain = (text: string | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const de = {
  client: weber,
  analysis: weberAnalysis!,
  contactName: 'Frau Weber',
  senderName: 'Anna Schmidt',
};
const en = {
  client: acme,
  analysis: acmeAnalysis!,
  contactName: 'Peter',
  senderName: 'Anna Schmidt',
};

describe('the numbers behind the scripts', () => {
  it('match the hand computation', () => {
    expect(weberAnalysis?.recent).toMatchObject({
      adHoc: 7,
      unbilledContactMinutes: 140,
      overheadMinutes: 161,
      effectiveRateMinor: 6659,
    });
    expect(weberAnalysis?.recommendation).toMatchObject({
      newRateMinor: 15_100,
      increasePercent: 51,
      retainerMinorPerMonth: 127_300,
    });
  });
});

describe('scripts in German', () => {
  it('picks German from the client locale', () => {
    expect(scriptLanguage(weber)).toBe('de');
    expect(scriptLanguage(acme)).toBe('en');
  });

  it('proposes a standing call with the counts and the call date', () => {
    const s = standingCallProposal(de);
    expect(s.language).toBe('de');
    expect(s.body).toContain('Guten Tag Frau Weber,');
    expect(s.body).toContain('3- und 4-mal');
    expect(s.body).toContain('etwa 2,3 Stunden'); // (3 + 4) × 20' = 140'
    expect(s.body).toContain('Freitag, 14. März um 10:00');
    expect(s.body).toContain('Mit freundlichen Grüßen\nAnna Schmidt');
  });

  it('answers a voicemail pointing to Friday’s call', () => {
    expect(voicemailFollowUp(de).body).toBe(
      'Danke für Ihre Sprachnachricht – ich bin heute größtenteils nicht erreichbar. Kann das bis zu unserem Gespräch am ' +
        'Freitag, 14. März um 10:00 warten? Falls es dringend ist, schreiben Sie mir kurz, worum es geht; dann melde ich mich so bald wie möglich.',
    );
  });

  it('gives talking points with the rate, the percentage and the retainer', () => {
    const body = plain(availabilityConversation(de).body);
    expect(body).toContain(
      'Seit dem 1. März 2025 haben Sie mich 7-mal kurzfristig kontaktiert – diese Woche 4-mal',
    );
    expect(body).toContain('rund 5 Stunden');
    expect(body).toContain('66,59 € statt 100 €');
    expect(body).toContain('151 €');
    expect(body).toContain('51 %');
    expect(body).toContain('1.273 € im Monat');
    expect(body).toContain('das nächste Mal am Freitag, 14. März um 10:00');
    expect(body).toContain('Vorher: Legen Sie fest'); // Weber is half the EUR revenue
  });

  it('announces the new rate from the first of a month at least 30 days ahead', () => {
    const s = rateChangeNotice(de);
    const body = plain(s?.body);
    expect(s?.subject).toBe('Anpassung meines Stundensatzes ab dem 1. Mai 2025');
    expect(body).toContain(
      'ab dem 1. Mai 2025 berechne ich für meine Arbeit für Sie 151 € pro Stunde statt bisher 100 € (+51 %).',
    );
    expect(body).toContain('7 Anrufe');
    expect(body).toContain('Verfügbarkeitspauschale von 1.273 €');
    expect(
      plain(rateChangeNotice({ ...de, effectiveDate: '2025-04-01', newRateMinor: 12_000 })?.body),
    ).toContain(
      'ab dem 1. April 2025 berechne ich für meine Arbeit für Sie 120 € pro Stunde statt bisher 100 € (+20 %)',
    );
  });
});

describe('scripts in English', () => {
  it('says "our next call" when no call is known', () => {
    expect(voicemailFollowUp(en).body).toBe(
      "Got your voicemail – I'm not free most of today; can it wait for our next call? " +
        "If it's urgent, send me a line about what it concerns and I'll get back to you as soon as I can.",
    );
    expect(standingCallProposal(en).body).toContain('Which day and time would suit you?');
  });

  it('fills the English texts with the numbers', () => {
    const proposal = plain(standingCallProposal(en).body);
    expect(proposal).toContain('Hello Peter,');
    expect(proposal).toContain('you reached me 3 and 4 times outside our planned meetings');
    const talk = plain(availabilityConversation(en).body);
    expect(talk).toContain("Since 1 March 2025 you've reached me 7 times");
    const once = { ...en.analysis, recent: { ...en.analysis.recent, adHoc: 1 } };
    expect(plain(availabilityConversation({ ...en, analysis: once }).body)).toContain(
      "Since 1 March 2025 you've reached me once at short notice",
    );
    expect(talk).toContain('€66.59 an hour instead of €100');
    expect(talk).toContain('€151 an hour (51% more)');
    expect(talk).toContain('€1,273 a month');
    const notice = rateChangeNotice(en);
    expect(notice?.subject).toBe('Change to my hourly rate from 1 May 2025');
    expect(notice?.body).toContain(
      'From 1 May 2025, my hourly rate for your work will be €151 instead of €100 (+51%).',
    );
    expect(notice?.body).toContain('Best regards\nAnna Schmidt');
  });

  it('formats the call date in the client zone and names it when known', () => {
    const s = voicemailFollowUp({
      ...en,
      client: { ...acme, nextStandingCall: '2025-03-14T09:00:00Z' },
    });
    expect(s.body).toContain('can it wait for our call on Friday 14 March at 09:00?'); // London is UTC in March
  });

  it('has no rate notice without a new rate', () => {
    const within = {
      ...en,
      analysis: {
        ...acmeAnalysis!,
        recommendation: { kind: 'within-boundaries' as const, reasons: [], walkAwayWarning: false },
      },
    };
    expect(rateChangeNotice(within)).toBeNull();
    expect(() => rateChangeNotice({ ...en, effectiveDate: 'soon' })).toThrow(/not a date/);
  });
});

describe('scripts without a named contact', () => {
  it('open with the client’s name in both languages', () => {
    const { contactName: _de, ...deAnon } = de;
    const { contactName: _en, ...enAnon } = en;
    expect(standingCallProposal(deAnon).body.split('\n')[0]).toBe(
      'Guten Tag an das Team von Weber Consulting GmbH,',
    );
    expect(standingCallProposal(enAnon).body.split('\n')[0]).toBe('Hello Acme team,');
  });
});
