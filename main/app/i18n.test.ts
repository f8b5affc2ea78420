import { describe, expect, it } from 'vitest';
import { APP_RESOURCES, createAppWords, pickAppLanguage } from './i18n.js';

describe('the main process’s languages', () => {
  it('follow the OS locale unless the setting picks one', () => {
    expect(pickAppLanguage('system', 'de-AT')).toBe('de');
    expect(pickAppLanguage('system', 'de')).toBe('de');
    expect(pickAppLanguage(undefined, 'en-US')).toBe('en');
    expect(pickAppLanguage('system', 'fr-FR')).toBe('en');
    expect(pickAppLanguage('system', 'dex')).toBe('en');
    expect(pickAppLanguage('en', 'de-DE')).toBe('en');
    expect(pickAppLanguage('de', 'en-GB')).toBe('de');
  });

  it('have the same keys and placeholders in English and German', () => {
    for (const ns of ['tray', 'notifications', 'appMenu'] as const) {
      const en: Record<string, string> = APP_RESOURCES.en[ns];
      const de: Record<string, string> = APP_RESOURCES.de[ns];
      expect(Object.keys(de).sort(), ns).toEqual(Object.keys(en).sort());
      const holes = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(en))
        expect(holes(de[key] ?? ''), `${ns}.${key}`).toEqual(holes(en[key] ?? ''));
    }
  });

  it('interpolate and pick plurals', () => {
    const de = createAppWords('de');
    expect(de.tray('forHours', { count: 1 })).toBe('Für 1 Stunde');
    expect(de.tray('forHours', { count: 2 })).toBe('Für 2 Stunden');
    expect(
      createAppWords('en').notifications('loggedTitle', {
        client: 'A & B',
        adHoc: 3,
        allowance: 2,
      }),
    ).toBe('Logged — A & B: 3 of 2 unscheduled this week');
  });
});

describe('voiceFor', () => {
  it('formats times in the language’s locale', async () => {
    const { voiceFor } = await import('./voice.js');
    const iso = '2025-03-07T14:05:00.000Z';
    expect(voiceFor('de', 'UTC').format.time(iso)).toBe('14:05');
    expect(voiceFor('de', 'UTC').format.dayTime(iso)).toMatch(/^Fr\.?,? 14:05$/);
    expect(voiceFor('en', 'UTC').format.dayTime(iso)).toMatch(/^Fri,? 14:05$/);
    expect(voiceFor('en', 'UTC').words.tray('quit')).toBe('Quit Office Hours');
  });
});
