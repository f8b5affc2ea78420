/**
 * "Publish to folder": the status server's files written to a folder (and optionally a WebDAV
 * collection) for users who host them elsewhere. Each file is replaced atomically (temp file in the same
 * folder, then rename), so a web server never serves half a page; a rotated or removed client's old
 * files are deleted. Which tokens were published is kept in a state file *outside* the published folder:
 * inside it, a web server could hand out every client's token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Client } from '../../../shared/domain.js';
import type { Log } from '../log/log.js';
import { isNodeError } from '../store/files.js';
import type { ClientStatusView } from './client-view.js';
import {
  type BusyInterval,
  renderBadge,
  renderFreeBusy,
  renderStatusJson,
  renderStatusPage,
} from './render.js';
import { isStatusTokenShape } from './status-token.js';
import { type WebDavTarget, webdavRequest } from './webdav.js';

/** One file of a client's published status, path relative to the published folder. */
export interface PublishFile {
  path: string;
  body: string;
  type: string;
}

/** The paths one token publishes, relative to the folder. */
export function tokenPaths(token: string): string[] {
  return [`${token}/index.html`, `${token}.json`, `${token}/badge.svg`, `${token}/freebusy.ics`];
}

/** The files of one client: the page (refreshing itself, no script), JSON, badge and busy-times calendar. */
export function statusFiles(
  token: string,
  clientId: string,
  view: ClientStatusView,
  busy: readonly BusyInterval[],
): PublishFile[] {
  const made = Date.parse(view.updatedAt);
  const now = new Date(Number.isFinite(made) ? made : Date.now());
  const [page = '', json = '', badge = '', ics = ''] = tokenPaths(token);
  return [
    {
      path: page,
      body: renderStatusPage(view, { assetBase: './', live: false }),
      type: 'text/html; charset=utf-8',
    },
    { path: json, body: renderStatusJson(view), type: 'application/json; charset=utf-8' },
    { path: badge, body: renderBadge(view), type: 'image/svg+xml; charset=utf-8' },
    {
      path: ics,
      body: renderFreeBusy({ busy, now, locale: view.locale, uidSeed: clientId }),
      type: 'text/calendar; charset=utf-8',
    },
  ];
}

/** Replaces `path` with `data` atomically: readers see the old file or the new one, never a mix or a stub. */
export async function writeFileAtomic(
  path: string,
  data: string | Buffer,
  { fsync = true }: { fsync?: boolean } = {},
): Promise<void> {
  // Same folder as the target, so rename() never crosses a file system (where it would copy, not swap).
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    // Flush before the rename so a crash cannot leave the new name pointing at an empty file.
    if (fsync) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** What the publisher reads of a client record. */
export type PublishClient = Pick<Client, 'id' | 'statusToken'>;

/** Options of `startPublisher`. At least one of `dir` and `webdav`. */
export interface PublisherOptions<C extends PublishClient> {
  /** Folder to write into (created if missing). */
  dir?: string;
  webdav?: WebDavTarget;
  /** JSON file remembering which tokens were published (outside `dir`); kept in memory when absent. */
  stateFile?: string;
  listClients(): readonly C[];
  getView(client: C): ClientStatusView;
  getBusy(client: C): readonly BusyInterval[];
  /** Publishes again on every change it reports. */
  subscribe?(listener: () => void): () => void;
  /** Failures of publishes started by `subscribe` (a manual `publish()` rejects instead). */
  onError?(error: unknown): void;
  /** Where problems that do not stop a publish are noted (a removed client's folder left behind). */
  log?: Pick<Log, 'warn'>;
  /** fsync each file before renaming it (default true). */
  fsync?: boolean;
}

/** What one publish did. */
export interface PublishReport {
  /** Files written (or uploaded) because their content changed. */
  written: number;
  /** Tokens whose files were removed. */
  removedTokens: number;
}

/** A running publisher. */
export interface Publisher {
  /** Publishes now (after any publish in progress); concurrent calls share one run. */
  publish(): Promise<PublishReport>;
  close(): void;
}

interface PublishState {
  folder: string[];
  webdav: string[];
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** Drops what is remembered of a token's files. */
function forget(hashes: Map<string, string>, token: string): void {
  for (const path of tokenPaths(token)) hashes.delete(path);
}

/** The error for a state file that exists but cannot be read: publishing on would forget old tokens. */
function unreadableState(path: string, error: unknown): Error {
  const why = isNodeError(error)
    ? (error.code ?? error.message)
    : error instanceof Error
      ? error.message
      : String(error);
  return new Error(
    `cannot read ${path} (${why}): it lists the status links published before, so a removed client's files would stay online; repair or delete it`,
  );
}

/** Starts publishing: once at once if `subscribe` is given, then on every change. */
export function startPublisher<C extends PublishClient>(options: PublisherOptions<C>): Publisher {
  if (!options.dir && !options.webdav)
    throw new Error('startPublisher: give a folder, a WebDAV URL or both');
  let state: PublishState | undefined;
  // Content already in place, per target and path: unchanged files are not rewritten or re-uploaded.
  const written = { folder: new Map<string, string>(), webdav: new Map<string, string>() };

  async function loadState(): Promise<PublishState> {
    if (state) return state;
    if (!options.stateFile) return (state = { folder: [], webdav: [] });
    let text: string;
    try {
      text = await readFile(options.stateFile, 'utf8');
    } catch (error) {
      if (isNodeError(error) && error.code === 'ENOENT')
        return (state = { folder: [], webdav: [] }); // never published
      throw unreadableState(options.stateFile, error);
    }
    let parsed: Partial<PublishState>;
    try {
      parsed = JSON.parse(text) as Partial<PublishState>;
    } catch (error) {
      throw unreadableState(options.stateFile, error);
    }
    const tokens = (list: unknown): string[] =>
      Array.isArray(list)
        ? list.filter((t): t is string => typeof t === 'string' && isStatusTokenShape(t))
        : [];
    return (state = { folder: tokens(parsed.folder), webdav: tokens(parsed.webdav) });
  }

  async function saveState(next: PublishState): Promise<void> {
    state = next;
    if (!options.stateFile) return;
    await mkdir(dirname(options.stateFile), { recursive: true });
    await writeFileAtomic(options.stateFile, JSON.stringify(next), {
      fsync: options.fsync ?? true,
    });
  }

  async function removeFolderToken(dir: string, token: string): Promise<void> {
    for (const path of tokenPaths(token)) await rm(join(dir, path), { force: true });
    try {
      await rmdir(join(dir, token));
    } catch (error) {
      // Not empty: the user keeps files of their own there. Gone: removed by hand already.
      const expected =
        isNodeError(error) && ['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(error.code ?? '');
      // Anything else leaves only an empty folder behind (its files are gone): noted, not fatal.
      if (!expected)
        options.log?.warn("a removed client's status folder could not be deleted", { error });
    }
    forget(written.folder, token);
  }

  async function removeWebdavToken(target: WebDavTarget, token: string): Promise<void> {
    await webdavRequest(target, 'DELETE', `${token}.json`, [200, 204, 404]);
    await webdavRequest(target, 'DELETE', `${token}/`, [200, 204, 404]);
    forget(written.webdav, token);
  }

  async function runOnce(): Promise<PublishReport> {
    const files: PublishFile[] = [];
    const tokens: string[] = [];
    for (const client of options.listClients()) {
      if (!isStatusTokenShape(client.statusToken)) continue;
      tokens.push(client.statusToken);
      files.push(
        ...statusFiles(
          client.statusToken,
          client.id,
          options.getView(client),
          options.getBusy(client),
        ),
      );
    }
    const before = await loadState();
    // Remember the new tokens before writing their files, so a crash mid-way still leaves them known.
    await saveState({
      folder: [...new Set([...before.folder, ...tokens])],
      webdav: [...new Set([...before.webdav, ...tokens])],
    });
    const report: PublishReport = { written: 0, removedTokens: 0 };
    const gone = (list: string[]): string[] => list.filter((t) => !tokens.includes(t));

    if (options.dir) {
      const dir = options.dir;
      for (const token of gone(before.folder)) {
        await removeFolderToken(dir, token);
        report.removedTokens++;
      }
      for (const token of tokens) await mkdir(join(dir, token), { recursive: true });
      for (const file of files) {
        const hash = sha(file.body);
        if (written.folder.get(file.path) === hash) continue;
        await writeFileAtomic(join(dir, file.path), file.body, { fsync: options.fsync ?? true });
        written.folder.set(file.path, hash);
        report.written++;
      }
    }
    if (options.webdav) {
      const target = options.webdav;
      for (const token of gone(before.webdav)) {
        await removeWebdavToken(target, token);
        if (!options.dir) report.removedTokens++;
      }
      const made = new Set<string>();
      for (const file of files) {
        const hash = sha(file.body);
        if (written.webdav.get(file.path) === hash) continue;
        const folder = file.path.includes('/')
          ? file.path.slice(0, file.path.indexOf('/') + 1)
          : '';
        if (folder && !made.has(folder)) {
          // 405: the collection exists already.
          await webdavRequest(target, 'MKCOL', folder, [200, 201, 405]);
          made.add(folder);
        }
        await webdavRequest(target, 'PUT', file.path, [200, 201, 204], {
          data: file.body,
          type: file.type,
        });
        written.webdav.set(file.path, hash);
        if (!options.dir) report.written++;
      }
    }
    await saveState({
      folder: options.dir ? tokens : before.folder,
      webdav: options.webdav ? tokens : before.webdav,
    });
    return report;
  }

  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<PublishReport> | null = null;
  function publish(): Promise<PublishReport> {
    if (queued) return queued;
    const run = tail.then(() => {
      queued = null;
      return runOnce();
    });
    queued = run;
    // reason: `run` itself is returned to its caller, who sees the failure; the tail only orders the runs.
    tail = run.catch(() => undefined);
    return run;
  }

  const onChange = (): void => {
    publish().catch((error: unknown) => options.onError?.(error));
  };
  const unsubscribe = options.subscribe?.(onChange);
  if (options.subscribe) onChange();

  return {
    publish,
    close: () => unsubscribe?.(),
  };
}
