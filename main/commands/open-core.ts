/** Opens the core for a one-shot command: no refresh timers, no file watching, closed when done. */
import { createLog } from '../core/log/log.js';
import { OfficeHoursService, type ServiceOptions, type StartMode } from '../core/service.js';
import type { CommandContext } from './context.js';

/** Runs `fn` with the core opened on the context's data folder, then closes it. */
export async function withCore<T>(
  ctx: CommandContext,
  mode: StartMode,
  fn: (core: OfficeHoursService) => Promise<T>,
  extra: Partial<ServiceOptions> = {},
): Promise<T> {
  const log = extra.log ?? createLog(ctx.dataDir);
  try {
    const core = await OfficeHoursService.open(
      {
        dataDir: ctx.dataDir,
        autoRefresh: false,
        storeOptions: { watch: false },
        fetch: fetchOptionsFromEnv(ctx.env),
        ...extra,
        log,
      },
      mode,
    );
    try {
      for (const notice of core.store.notices) {
        ctx.stderr(`office-hours: ${notice.message}\n`);
        log.warn(notice.message);
      }
      return await fn(core);
    } finally {
      await core.close();
    }
  } finally {
    if (!extra.log) log.close();
  }
}

/** Fetch settings a user can set in the environment (plain http is allowed only for loopback hosts). */
export function fetchOptionsFromEnv(env: NodeJS.ProcessEnv): { timeoutMs?: number } {
  const seconds = Number(env.OFFICE_HOURS_FETCH_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? { timeoutMs: seconds * 1000 } : {};
}
