/** Types of scripts/render-icons.mjs (the build runs it as plain JavaScript). */
export declare const TRAY_ICON_STATES: readonly string[];
export declare const TRAY_COLORS: Record<string, string>;
export interface IconTarget {
  file: string;
  /** Width and height of a PNG. */
  size?: number;
  /** The image sizes inside an .ico. */
  sizes?: number[];
}
export declare function iconTargets(): IconTarget[];
export declare function renderPng(svg: string, size: number, color?: string): Buffer;
export declare function pngSize(png: Buffer): { width: number; height: number };
export declare function icoFromPngs(pngs: Buffer[]): Buffer;
export declare function readIco(ico: Buffer): { width: number; height: number; png: Buffer }[];
export declare function renderIcons(root: string, outRoot?: string): string[];
