/**
 * The global shortcut's accelerator ("CommandOrControl+Alt+L"), checked by a pure parser before it
 * reaches `globalShortcut.register`, so a typo in the settings is a clear message, not a silent no-op.
 */

const MODIFIERS: Record<string, string> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];
const NAMED = new Map(NAMED_KEYS.map((k) => [k.toLowerCase(), k]));
const PUNCTUATION = new Set([...')!@#$%^&*(:;<=>?,-_.`~/[]\\{}|\'"']);

/** A valid accelerator, written the canonical way, or why it is not one. */
export type ShortcutParse =
  | { ok: true; accelerator: string; modifiers: string[]; key: string }
  | { ok: false; error: string };

function keyOf(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (/^f([1-9]|1\d|2[0-4])$/i.test(part)) return part.toUpperCase();
  if (/^num[0-9]$/i.test(part)) return part.toLowerCase();
  if (part.length === 1 && PUNCTUATION.has(part)) return part;
  return NAMED.get(part.toLowerCase()) ?? null;
}

/**
 * Parses an Electron accelerator: modifiers and exactly one key joined by "+". A global shortcut
 * needs at least one modifier besides Shift (else it would swallow ordinary typing), except the
 * function keys F13–F24 that no one types with.
 */
export function parseShortcut(text: string): ShortcutParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'the shortcut is empty' };
  // "Plus" names the + key; a literal "+" can only be the last part ("Ctrl++").
  const parts = trimmed.endsWith('++')
    ? [...trimmed.slice(0, -2).split('+'), '+']
    : trimmed.split('+');
  const modifiers: string[] = [];
  let key: string | null = null;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') return { ok: false, error: `"${trimmed}": an empty part between "+" signs` };
    const modifier = MODIFIERS[part.toLowerCase()];
    if (modifier) {
      if (key !== null)
        return { ok: false, error: `"${trimmed}": modifier ${part} after the key ${key}` };
      if (modifiers.includes(modifier))
        return { ok: false, error: `"${trimmed}": ${modifier} given twice` };
      modifiers.push(modifier);
      continue;
    }
    const found = part === '+' ? 'Plus' : keyOf(part);
    if (found === null) return { ok: false, error: `"${trimmed}": unknown key "${part}"` };
    if (key !== null)
      return { ok: false, error: `"${trimmed}": two keys (${key}, ${found}); give one` };
    key = found;
  }
  if (key === null) return { ok: false, error: `"${trimmed}": no key after the modifiers` };
  const strong = modifiers.some((m) => m !== 'Shift');
  if (!strong && !/^F(1[3-9]|2[0-4])$/.test(key))
    return {
      ok: false,
      error: `"${trimmed}": a global shortcut needs Ctrl, Alt, Cmd or Super (else it takes over typing)`,
    };
  return { ok: true, accelerator: [...modifiers, key].join('+'), modifiers, key };
}
