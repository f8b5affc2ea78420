/** A log file that rotates by size: `name` → `name.1` → … → `name.<keep>`, oldest dropped. */
import { fstatSync, renameSync, rmSync, statSync } from 'node:fs';
import pino from 'pino';

/** Where and how big: the current file's path, its size limit and how many rotated files to keep. */
export interface RotatingFileOptions {
  path: string;
  maxBytes: number;
  keep: number;
}

/** The sink pino writes each line to; synchronous so no line is lost on a crash or quick exit. */
export class RotatingFile {
  private readonly dest: ReturnType<typeof pino.destination>;
  private size: number;
  private failed = false;

  constructor(private readonly options: RotatingFileOptions) {
    this.dest = pino.destination({ dest: options.path, sync: true, mkdir: true, append: true });
    // A failing disk must not take the app down with it: the log is best effort.
    this.dest.on('error', () => {
      this.failed = true;
    });
    this.size = sizeOf(options.path);
  }

  /** Writes one line, rotating first when it would take the file past its limit. */
  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    try {
      if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
      this.dest.write(line);
      this.size += bytes;
      this.failed = false;
    } catch {
      // reason: nowhere left to report a failing log; the next write tries again.
      this.failed = true;
    }
  }

  /** True after a write or rotation failed (and until one succeeds again). */
  get broken(): boolean {
    return this.failed;
  }

  /** Flushes and closes the file. */
  close(): void {
    try {
      this.dest.flushSync();
    } catch {
      // reason: the file is being closed; there is no later write to retry with.
    }
    this.dest.destroy();
  }

  private rotate(): void {
    const { path, keep } = this.options;
    // Another process (the app beside a CLI command) may have rotated already: then just follow it.
    if (!this.rotatedElsewhere()) {
      if (keep < 1) rmSync(path, { force: true });
      else {
        for (let i = keep - 1; i >= 1; i--) renameIfExists(`${path}.${i}`, `${path}.${i + 1}`);
        renameIfExists(path, `${path}.1`);
      }
    }
    this.dest.reopen();
    this.size = sizeOf(path);
  }

  private rotatedElsewhere(): boolean {
    try {
      // reason: sonic-boom keeps its descriptor in `fd` but does not declare it.
      const fd = (this.dest as unknown as { fd: number }).fd;
      return fstatSync(fd).ino !== statSync(this.options.path).ino;
    } catch {
      return true;
    }
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function renameIfExists(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
