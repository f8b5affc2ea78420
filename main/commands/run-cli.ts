/** For the command tests: runs `office-hours` in this process on a data folder and keeps what it wrote. */
import { main } from '../cli.js';

/** What one command run left: its exit code, stdout and stderr. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `office-hours --data-dir <dataDir> …argv` and collects its output. */
export async function runCli(dataDir: string, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(['--data-dir', dataDir, ...argv], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  });
  return { code, out, err };
}
