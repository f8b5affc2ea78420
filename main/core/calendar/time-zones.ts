/**
 * Calendar TZIDs: the names a calendar file may use for a zone, resolved to a TimeZone. IANA names
 * come from the time module (main/core/time/zone.ts, which owns offsets, gaps and overlaps); Windows/
 * Outlook zone names are mapped to IANA; zones defined only by an in-file VTIMEZONE are computed from
 * its rules (vtimezone.ts).
 */
import { findTimeZone, type TimeZone, UTC_ZONE } from '../time/zone.js';
import { WINDOWS_ZONES } from './windows-zones.js';

/** The IANA name for a Windows/Outlook zone name ("W. Europe Standard Time"), if known. */
export function windowsZoneToIana(name: string): string | undefined {
  return WINDOWS_ZONES.get(name.trim().toLowerCase());
}

/**
 * Resolves a TZID as a calendar means it: an IANA name (a leading "/" allowed), a Windows zone
 * name, then a VTIMEZONE defined in the file. Undefined when none applies: the caller then reads the
 * time as floating, as the reference implementations do (no guessing from vendor prefixes such as
 * "/mozilla.org/20070129_1/America/New_York" or Outlook display names without a VTIMEZONE).
 */
export function resolveTzid(
  tzid: string,
  inFile: ReadonlyMap<string, TimeZone>,
): TimeZone | undefined {
  const raw = tzid.trim();
  const clean = raw.replace(/^"+|"+$/g, '').replace(/^\/+|\/+$/g, '');
  // "Z" is UTC in iCalendar's own notation, though it is no IANA name.
  if (clean === 'Z' || clean === 'z') return UTC_ZONE;
  const iana = findTimeZone(clean);
  if (iana) return iana;
  const windows = windowsZoneToIana(clean);
  if (windows) return findTimeZone(windows);
  const own = inFile.get(raw) ?? inFile.get(clean);
  if (own) return own;
  return undefined;
}
