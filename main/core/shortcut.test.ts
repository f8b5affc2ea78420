import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.js';
import { applySettingsChange } from './settings.js';
import { parseShortcut } from './shortcut.js';
import { defaultData } from './store/schema.js';

const ok = (text: string) => {
  const parsed = parseShortcut(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.accelerator;
};
const error = (text: string) => {
  const parsed = parseShortcut(text);
  if (parsed.ok) throw new Error(`accepted ${text}`);
  return parsed.error;
};

describe('parseShortcut', () => {
  it('accepts accelerators and writes them the canonical way', () => {
    expect(ok('CommandOrControl+Alt+L')).toBe('CommandOrControl+Alt+L');
    expect(ok(' cmdorctrl + shift + l ')).toBe('CommandOrControl+Shift+L');
    expect(ok('Ctrl+Option+F5')).toBe('Control+Alt+F5');
    expect(ok('Super+Space')).toBe('Super+Space');
    expect(ok('Meta+num7')).toBe('Super+num7');
    expect(ok('Ctrl++')).toBe('Control+Plus');
    expect(ok('Alt+/')).toBe('Alt+/');
    expect(ok('F13')).toBe('F13');
  });

  it('rejects what would not register or would take over typing, saying why', () => {
    expect(error('')).toMatch(/empty/);
    expect(error('L')).toMatch(/needs Ctrl, Alt, Cmd or Super/);
    expect(error('Shift+L')).toMatch(/needs Ctrl/);
    expect(error('Ctrl+Alt')).toMatch(/no key/);
    expect(error('Ctrl+L+K')).toMatch(/two keys \(L, K\)/);
    expect(error('Ctrl+Hyper+L')).toMatch(/unknown key "Hyper"/);
    expect(error('Ctrl++L')).toMatch(/empty part/);
    expect(error('Ctrl+Ctrl+L')).toMatch(/Control given twice/);
    expect(error('L+Ctrl')).toMatch(/modifier Ctrl after the key L/);
    expect(error('Ctrl+F25')).toMatch(/unknown key "F25"/);
  });
});

describe('the shortcut setting', () => {
  it('is stored the canonical way, and a wrong one is refused naming the field', () => {
    const draft = defaultData();
    applySettingsChange(draft, { shortcut: 'cmdorctrl+alt+l' });
    expect(draft.settings.shortcut).toBe('CommandOrControl+Alt+L');
    applySettingsChange(draft, { shortcut: null });
    expect(draft.settings.shortcut).toBeNull();
    let thrown: unknown;
    try {
      applySettingsChange(draft, { shortcut: 'Ctrl+Hyper+L' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).field).toBe('shortcut');
    expect((thrown as Error).message).toMatch(/unknown key "Hyper"/);
  });
});
