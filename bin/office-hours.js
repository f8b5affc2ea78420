#!/usr/bin/env node
// The `office-hours` command: runs the bundled CLI built by `npm run build` (also run by `npm ci` via prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(
    'office-hours: not built yet. Run `npm run build` (or `npm ci`) in the project folder.\n',
  );
  process.exit(1);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
