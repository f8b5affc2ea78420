import { describe, expect, it } from 'vitest';
import { detectImportKind, headerColumns } from './import-detect.js';

describe('detectImportKind', () => {
  it('tells each export by its first lines, as the fixtures of the importers begin', () => {
    const cases: [string, string, string | null][] = [
      [
        'toggl.csv',
        '\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n',
        'toggl',
      ],
      [
        'toggl-excel.csv',
        'User;Email;Client;Project;Task;Description;Billable;Start date;Start time;End date;End time;Duration;Tags;Amount (EUR)\n',
        'toggl',
      ],
      [
        'harvest.csv',
        'Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?\n',
        'harvest',
      ],
      [
        'clockify.csv',
        'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal)\n',
        'clockify',
      ],
      [
        'anrufe.csv',
        'sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n',
        'fritzbox',
      ],
      ['calls.csv', 'Type;Date;Name;Number;Extension;Outgoing Caller ID;Duration\r\n', 'fritzbox'],
      ['calls.csv', 'Date,Time,Name,Number,Direction,Duration,Missed\n', 'calls'],
      ['anrufe.csv', 'Datum;Uhrzeit;Name;Rufnummer;Richtung;Dauer;Verpasst\n', 'calls'],
      [
        'calls-20261202.xml',
        "<?xml version='1.0' encoding='UTF-8'?>\n<calls count=\"3\">",
        'android-calls',
      ],
      ['notes.txt', 'Dear diary,\nnothing here is a column\n', null],
    ];
    for (const [name, head, kind] of cases) expect(detectImportKind(name, head), name).toBe(kind);
  });

  it('reads quoted column names and the separator the line uses', () => {
    expect(headerColumns('"Start date";"Duration"\n1;2')).toEqual(['start date', 'duration']);
    expect(headerColumns('a\tb')).toEqual(['a', 'b']);
  });
});
