// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bytesToBase64, formatFileSize, headText, readPickedFile } from './import-file-model.js';

describe('a picked file', () => {
  it('goes to base64 whole, across the slices it is encoded in, every byte value included', () => {
    const bytes = Uint8Array.from({ length: 3 * 0x8000 + 7 }, (_, i) => (i * 31 + (i >> 8)) % 256);
    const back = Uint8Array.from(atob(bytesToBase64(bytes)), (c) => c.charCodeAt(0));
    expect(back).toEqual(bytes);
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('reads its first lines for the guess: Latin-1 as Windows-1252, UTF-16 by its BOM', () => {
    expect(headText(Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe('Müller');
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x54, 0x00, 0x79, 0x00, 0x70, 0x00]);
    expect(headText(utf16)).toBe('Typ');
  });

  it('is read with its kind guessed and its size', async () => {
    const text = 'sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n';
    const picked = await readPickedFile(new File([text], 'Anrufliste.csv'));
    expect(picked).toMatchObject({
      name: 'Anrufliste.csv',
      size: text.length,
      detected: 'fritzbox',
    });
    expect(atob(picked.base64)).toBe(text);
    expect(formatFileSize(526, 'en')).toBe('526 byte');
    expect(formatFileSize(4_194_305, 'de')).toBe('4,2 MB');
  });
});
