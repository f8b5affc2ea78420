/**
 * `office-hours serve`: the core headless — calendar sync, availability, the dashboard in a browser —
 * for users who keep their status on an always-on host while the laptop sleeps.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dashboardLink, startDashboardServer } from '../core/dashboard/dashboard-server.js';
import { createLog } from '../core/log/log.js';
import { OfficeHoursService } from '../core/service.js';
import { startPublisher } from '../core/status/publish.js';
import { createStatusHub } from '../core/status/status-hub.js';
import { startStatusServer } from '../core/status/status-server.js';
import { join, resolve } from 'node:path';
import { type Command, UsageError } from './context.js';
import { fetchOptionsFromEnv } from './open-core.js';
import { formatStatusLine } from './status.js';

/** Where the built dashboard is: beside the bundle (dist/renderer) or, from source, in the repo's dist/. */
export function rendererDir(): string {
  for (const candidate of ['./renderer/', '../../dist/renderer/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  throw new Error('the dashboard is not built: run `npm run build` in the project folder');
}

function portOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`${name} ${value}: a port from 0 to 65535`);
  return port;
}

/** Runs until SIGINT/SIGTERM, then stops cleanly. */
export const run: Command = async (argv, ctx) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      publish: { type: 'string' },
      'dashboard-allowed-host': { type: 'string', multiple: true },
      'dashboard-host': { type: 'string', default: '127.0.0.1' },
      'dashboard-port': { type: 'string' },
      'dashboard-token': { type: 'string' },
    },
  });
  const dashboardPort = portOption(values['dashboard-port'], '--dashboard-port', 0);
  if (values.host !== undefined && !values.host.trim())
    throw new UsageError('--host needs an address, like 127.0.0.1 or 0.0.0.0');
  const dir = rendererDir();
  // Closed only on a clean stop: a failed start exits the process, and the writes are synchronous.
  const log = createLog(ctx.dataDir);
  const core = await OfficeHoursService.open(
    { dataDir: ctx.dataDir, fetch: fetchOptionsFromEnv(ctx.env), log },
    'cache-only',
  );
  for (const notice of core.store.notices) {
    ctx.stderr(`office-hours: ${notice.message}\n`);
    log.warn(notice.message);
  }
  const settings = core.store.read().settings.statusServer;
  const hub = createStatusHub(core);
  const statusServer = await startStatusServer({
    host: values.host ?? settings.host,
    port: portOption(values.port, '--port', settings.port),
    getClientByToken: hub.getClientByToken,
    getView: hub.getView,
    getBusy: hub.getBusy,
    subscribe: hub.subscribe,
    onError: (error, { where, suppressed }) =>
      log.error('status server: a client view could not be built', { error, where, suppressed }),
  });
  // The dashboard shows each client's link on this server (not the configured port, which may be 0).
  core.setStatusBaseUrl(statusServer.url);
  ctx.stdout(`Status server: ${statusServer.url}\n`);
  if (/^http:\/\/(0\.0\.0\.0|\[::\])[:/]/.test(statusServer.url)) {
    // A wildcard address is no address a client can open: say how to give them a real one.
    ctx.stderr(
      'Listening on every interface: give clients links with `office-hours clients link <name> --base https://your.host`.\n',
    );
  }
  const publisher =
    values.publish === undefined
      ? undefined
      : startPublisher({
          dir: resolve(values.publish),
          stateFile: join(ctx.dataDir, 'published.json'),
          listClients: hub.listClients,
          getView: hub.getView,
          getBusy: hub.getBusy,
          subscribe: hub.subscribe,
          log,
          onError: (error) => {
            ctx.stderr(`publish: ${(error as Error).message}\n`);
            log.error('publishing failed', { error });
          },
        });
  if (publisher) ctx.stdout(`Publishing to: ${resolve(values.publish ?? '')}\n`);
  const dashboardToken = values['dashboard-token'] ?? ctx.env.OFFICE_HOURS_DASHBOARD_TOKEN;
  const dashboard = await startDashboardServer({
    api: core,
    host: values['dashboard-host'],
    port: dashboardPort,
    rendererDir: dir,
    log,
    ...(dashboardToken ? { token: dashboardToken } : {}),
    ...(values['dashboard-allowed-host'] ? { allowedHosts: values['dashboard-allowed-host'] } : {}),
  });
  ctx.stdout(`Dashboard: ${dashboardLink(dashboard)}\n`);
  log.info('serve started', { statusServer: statusServer.url, dashboard: dashboard.url });
  const tz = core.store.read().settings.userTimeZone;
  ctx.stdout(`${formatStatusLine(await core.getStatus({}), tz)}\n`);
  const offStatus = core.on('status', (status) => ctx.stdout(`${formatStatusLine(status, tz)}\n`));
  const offProgress = core.on('syncProgress', (p) => {
    if (p.phase === 'failed')
      ctx.stderr(
        `calendar "${p.name}" failed to sync: ${p.error ?? 'unknown error'} (keeping its last good copy)\n`,
      );
  });
  // Sync in the background: the servers answer from the cached copies meanwhile.
  void core.syncCalendars({}).catch((error: unknown) => {
    ctx.stderr(`sync: ${(error as Error).message}\n`);
    log.error('sync failed', { error });
  });

  await new Promise<void>((resolve) => {
    if (ctx.stopSignal.aborted) resolve();
    ctx.stopSignal.addEventListener('abort', () => resolve(), { once: true });
  });
  ctx.stdout('Stopping…\n');
  offStatus();
  offProgress();
  publisher?.close();
  await dashboard.close();
  await statusServer.close();
  hub.close();
  await core.close();
  log.info('serve stopped');
  log.close();
  return 0;
};
