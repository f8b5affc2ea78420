/**
 * A file picked or dropped on the Import screen, read as bytes: sent as base64 so the core decodes it
 * as it decodes a file on disk (UTF-8, UTF-16, or the Latin-1 of many FRITZ!Box lists), and its first
 * lines decoded here only to guess its kind.
 */
import { detectImportKind } from '../../shared/import-detect.js';
import type { ImportKind } from '../../shared/rate-case.js';

/** A file as the Import screen holds it. */
export interface PickedFile {
  name: string;
  /** Size in bytes. */
  size: number;
  /** The whole file's bytes in base64. */
  base64: string;
  /** The kind its name and first lines suggest; null when none fits. */
  detected: ImportKind | null;
}

/** Bytes in base64, in slices so a 4 MB file does not overflow the call stack of fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}

/** The start of a file as text, for guessing its kind: UTF-16 by its BOM, else Windows-1252 (ASCII-safe). */
export function headText(bytes: Uint8Array, length = 4096): string {
  const head = bytes.subarray(0, length);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return new TextDecoder('windows-1252').decode(head);
}

/** Reads a picked or dropped file. */
export async function readPickedFile(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    name: file.name,
    size: file.size,
    base64: bytesToBase64(bytes),
    detected: detectImportKind(file.name, headText(bytes)),
  };
}

/** "12 kB", "1.2 MB": a file size in the locale. */
export function formatFileSize(bytes: number, locale?: string): string {
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1000
        ? [bytes / 1000, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}
