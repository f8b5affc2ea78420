/** A Toggl detailed-report export written for a test run: dates counted back from today, never fixed. */

const HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';

/** A day `daysAgo` before today, as YYYY-MM-DD in UTC (the zone of serve's fresh data folder). */
function dayBefore(daysAgo: number, now = Date.now()): string {
  return new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One billed hour for `client` on the same weekday in each of the last `weeks` weeks (today, a week
 * ago, …), at €120 — enough weeks of billed hours for a rate decision; the time of day is early
 * (00:10) so no entry lies in the future whatever hour the test runs.
 */
export function togglWeeksCsv(client: string, weeks: number, now = Date.now()): string {
  const rows = Array.from({ length: weeks }, (_, k) => {
    const day = dayBefore(7 * k, now);
    return `Anna,anna@example.com,${client},Relaunch,,Week ${k + 1},Yes,${day},00:10:00,${day},01:10:00,01:00:00,,120.00`;
  });
  return [HEADER, ...rows].join('\n') + '\n';
}
