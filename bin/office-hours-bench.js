#!/usr/bin/env node
// `npm run bench`: runs bench/run.ts under tsx in a child node. Not with --expose-gc (from the npm script):
// worker threads inherit the flags and refuse that one; the bench switches gc on at run time instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const run = fileURLToPath(new URL('../bench/run.ts', import.meta.url));
const child = spawn(
  process.execPath,
  [
    ...process.execArgv.filter((flag) => flag !== '--expose-gc'),
    '--import',
    'tsx',
    run,
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
  },
);
// Ctrl-C reaches the child from the terminal itself; wait for it to clean up (servers, temp files).
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
