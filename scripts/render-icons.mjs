// Renders the icons from build/icon-sources/*.svg with resvg: the tray icons per state into
// dist/icons/ (macOS template images at 1x/2x, Windows .ico with 16/24/32 px, Linux PNGs at
// 22/24/32 px) and the app icon for electron-builder into build/ (icon.png 1024 px, icon.ico,
// icons/<N>x<N>.png for Linux).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const SOURCES = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon-sources');

/**
 * The tray icon states: one SVG each, build/icon-sources/tray-<state>.svg, so the sources are the one
 * list here; main/app/tray-icon.ts types the same states, and its test holds the two equal.
 */
export const TRAY_ICON_STATES = readdirSync(SOURCES)
  .map((name) => /^tray-(.+)\.svg$/.exec(name)?.[1])
  .filter((state) => state !== undefined)
  .sort();

/** Colour per state on Windows and Linux (the shape differs too: colour never carries the state alone). */
export const TRAY_COLORS = {
  available: '#1a7f37',
  focus: '#8250df',
  meeting: '#bc4c00',
  away: '#cf222e',
  'off-hours': '#6e7781',
  overridden: '#0969da',
  'sync-error': '#9a6700',
};

const ICO_SIZES = [16, 24, 32];
const LINUX_TRAY_SIZES = [22, 24, 32];
const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const APP_LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

/** Every file the renderer writes, with its pixel size (and the sizes inside each .ico). */
export function iconTargets() {
  const out = [];
  for (const state of TRAY_ICON_STATES) {
    out.push({ file: `dist/icons/mac/${state}Template.png`, size: 16 });
    out.push({ file: `dist/icons/mac/${state}Template@2x.png`, size: 32 });
    out.push({ file: `dist/icons/win/${state}.ico`, sizes: ICO_SIZES });
    for (const size of LINUX_TRAY_SIZES)
      out.push({ file: `dist/icons/linux/${state}-${size}.png`, size });
  }
  out.push({ file: 'build/icon.png', size: 1024 });
  out.push({ file: 'build/icon.ico', sizes: APP_ICO_SIZES });
  for (const size of APP_LINUX_SIZES) out.push({ file: `build/icons/${size}x${size}.png`, size });
  return out;
}

/** Renders an SVG text to a PNG of `size`×`size`, with `currentColor` set to `color`. */
export function renderPng(svg, size, color = '#000') {
  const coloured = svg.replace('<svg ', `<svg color="${color}" `);
  const resvg = new Resvg(coloured, {
    fitTo: { mode: 'width', value: size },
    background: 'rgba(0,0,0,0)',
  });
  return Buffer.from(resvg.render().asPng());
}

/** The width and height of a PNG, from its IHDR chunk. */
export function pngSize(png) {
  const signature = '89504e470d0a1a0a';
  if (
    png.length < 24 ||
    png.subarray(0, 8).toString('hex') !== signature ||
    png.toString('latin1', 12, 16) !== 'IHDR'
  )
    throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * An .ico holding the PNGs as they are (Windows Vista and later read PNG entries): a 6-byte header,
 * one 16-byte directory entry per image (0 stands for 256 px), then the images.
 */
export function icoFromPngs(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const png of pngs) {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256)
      throw new Error(`an .ico entry is at most 256 px, not ${width}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(width === 256 ? 0 : width, 0);
    entry.writeUInt8(height === 256 ? 0 : height, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** The images of an .ico: each directory entry's size and its PNG. */
export function readIco(ico) {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an .ico');
  const count = ico.readUInt16LE(4);
  const images = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const size = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    images.push({
      width: ico.readUInt8(at) || 256,
      height: ico.readUInt8(at + 1) || 256,
      png: ico.subarray(offset, offset + size),
    });
  }
  return images;
}

function write(root, file, content) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Renders every icon under `root` (the checkout) from `root/build/icon-sources`; returns the files written. */
export function renderIcons(root, outRoot = root) {
  const sources = join(root, 'build', 'icon-sources');
  const read = (name) => readFileSync(join(sources, name), 'utf8');
  for (const state of TRAY_ICON_STATES) {
    const svg = read(`tray-${state}.svg`);
    // Template images: black and alpha only; macOS tints them for light and dark menu bars.
    write(outRoot, `dist/icons/mac/${state}Template.png`, renderPng(svg, 16));
    write(outRoot, `dist/icons/mac/${state}Template@2x.png`, renderPng(svg, 32));
    const color = TRAY_COLORS[state];
    write(
      outRoot,
      `dist/icons/win/${state}.ico`,
      icoFromPngs(ICO_SIZES.map((s) => renderPng(svg, s, color))),
    );
    for (const size of LINUX_TRAY_SIZES)
      write(outRoot, `dist/icons/linux/${state}-${size}.png`, renderPng(svg, size, color));
  }
  const app = read('app.svg');
  write(outRoot, 'build/icon.png', renderPng(app, 1024));
  write(outRoot, 'build/icon.ico', icoFromPngs(APP_ICO_SIZES.map((s) => renderPng(app, s))));
  for (const size of APP_LINUX_SIZES)
    write(outRoot, `build/icons/${size}x${size}.png`, renderPng(app, size));
  return iconTargets().map((t) => t.file);
}
