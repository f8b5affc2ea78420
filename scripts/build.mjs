// Builds what runs: the main-process bundles (CLI, app, parse worker, preload) with esbuild and the dashboard with Vite.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
};
const entries = [
  ['main/cli.ts', 'dist/cli.js'],
  ['main/core/calendar/parse-worker.ts', 'dist/parse-worker.js'],
  ['main/app/main.ts', 'dist/app-main.js'],
];
await Promise.all(
  entries
    .filter(([src]) => existsSync(src))
    .map(([src, out]) => build({ ...common, format: 'esm', entryPoints: [src], outfile: out })),
);
if (existsSync('main/preload.ts')) {
  // The sandboxed preload must be one CommonJS file; electron stays external.
  await build({
    ...common,
    packages: undefined,
    external: ['electron'],
    format: 'cjs',
    entryPoints: ['main/preload.ts'],
    outfile: 'dist/preload.cjs',
  });
}
if (existsSync('renderer/index.html')) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
{
  // Tray and app icons, rendered from their SVG sources (scripts/render-icons.mjs).
  const { renderIcons } = await import('./render-icons.mjs');
  renderIcons(process.cwd());
}
