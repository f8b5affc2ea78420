/**
 * The local day of every contact, kept between analyses: the dashboard asks for a report, a client's
 * detail, another period — each a full analysis of the same 100k contacts, and reading their instants
 * and zone offsets was about a third of each. The day is a pure function of the contact's `at` and
 * the zone, so it is kept per position with the `at` it was made from and reused only for that same
 * text: an edited, inserted or removed contact is read again, whatever the array looks like.
 */
import type { Contact } from '../../../shared/ledger.js';
import { parseInstant } from '../time/instant.js';
import type { TimeZone } from '../time/zone.js';
import { localDayOf } from '../time/zoned.js';

/** Per contact: its local day, and 1 in `ok` when its instant could be read (0: skip it). */
export interface ContactDays {
  day: Int32Array;
  ok: Uint8Array;
}

/** A memo of contacts' local days in one zone (a new zone starts it over). */
export class ContactDayMemo {
  private zoneName = '';
  private at: string[] = [];
  private days: ContactDays = { day: new Int32Array(0), ok: new Uint8Array(0) };

  /** The local day of each of `contacts` in `zone` (named `zoneName`); valid until the next call. */
  localDays(contacts: readonly Contact[], zoneName: string, zone: TimeZone): ContactDays {
    const n = contacts.length;
    if (zoneName !== this.zoneName) {
      this.zoneName = zoneName;
      this.at = [];
    }
    const prev = this.at;
    const prevDays = this.days;
    const at = new Array<string>(n);
    const days: ContactDays = { day: new Int32Array(n), ok: new Uint8Array(n) };
    for (let i = 0; i < n; i++) {
      const text = (contacts[i] as Contact).at;
      at[i] = text;
      if (i < prev.length && prev[i] === text) {
        days.day[i] = prevDays.day[i] ?? 0;
        days.ok[i] = prevDays.ok[i] ?? 0;
        continue;
      }
      const ms = parseInstant(text);
      if (!Number.isFinite(ms)) continue;
      days.day[i] = localDayOf(ms, zone);
      days.ok[i] = 1;
    }
    this.at = at;
    this.days = days;
    return days;
  }
}
