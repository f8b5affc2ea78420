/** Times several operations side by side: round after round, each operation once per round. */
import { collectGarbage, nowMs } from './stats.js';

/** Something to time; `run` may be synchronous or return a promise. */
export interface Timed<T> {
  key: string;
  run: (subject: T) => unknown;
}

/** Samples (ms) per operation key, and the error of each operation that failed (it is not run again). */
export interface Interleaved {
  samples: Map<string, number[]>;
  failures: Map<string, string>;
}

/**
 * Run every operation once per round on `subject`. The order rotates from round to round and the heap
 * is collected before each run, so neither a warm cache nor the previous operation's garbage favours
 * one of them, and drift (thermal, other load on the machine) hits all of them alike.
 */
export async function interleave<T>(
  ops: readonly Timed<T>[],
  subject: T,
  rounds: number,
  onRound?: (round: number) => void,
): Promise<Interleaved> {
  const samples = new Map<string, number[]>(ops.map((op) => [op.key, []]));
  const failures = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < ops.length; i++) {
      const op = ops[(i + round) % ops.length];
      if (!op || failures.has(op.key)) continue;
      collectGarbage();
      const t0 = nowMs();
      try {
        await op.run(subject);
      } catch (error) {
        failures.set(op.key, error instanceof Error ? error.message : String(error));
        samples.delete(op.key);
        continue;
      }
      samples.get(op.key)?.push(nowMs() - t0);
    }
    onRound?.(round);
  }
  return { samples, failures };
}
