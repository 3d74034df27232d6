import type { AppUpdater } from 'electron-updater';
import type { UpdateChannel, UpdateState } from '../../../shared/ipc/channels/update';
import type { Timers } from '../../core';
import { updaterChannelOptions } from './updaterChannel';
import { initialUpdateState, reduceUpdateState, type ReleaseInfo, type UpdateEvent } from './updateState';

/** The part of electron-updater's AppUpdater the controller drives. */
export type UpdaterLike = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowPrerelease'
  | 'allowDowngrade'
  | 'channel'
  | 'on'
  | 'checkForUpdates'
  | 'downloadUpdate'
  | 'quitAndInstall'
  | 'isUpdaterActive'
>;

export type UpdateControllerOptions = Readonly<{
  updater: UpdaterLike;
  /** `app.getVersion()`. */
  currentVersion: string;
  channel: UpdateChannel;
  timers: Timers;
  now: () => number;
  /** Why this build cannot update itself, or null (electron-updater's own check decides otherwise). */
  disabledReason?: string | null;
  /** Asks the user to restart for a downloaded update (release notes included); true = restart now. */
  promptRestart: (available: NonNullable<UpdateState['available']>) => Promise<boolean>;
  /** Runs right before quitting to install (the shell lets its windows close for real). */
  beforeInstall: () => void;
  onError: (event: string, error: unknown) => void;
  /** After start-up, out of the way of signing in and the first sync. */
  firstCheckDelayMs?: number;
  /** Then every few hours. */
  intervalMs?: number;
}>;

export type UpdateController = Readonly<{
  state(): UpdateState;
  onChange(listener: (state: UpdateState) => void): () => void;
  /** Schedules the first check and the periodic ones. */
  start(): void;
  stop(): void;
  check(): Promise<UpdateState>;
  download(): Promise<UpdateState>;
  install(): Readonly<{ restarting: boolean }>;
  setChannel(channel: UpdateChannel): void;
}>;

const HOUR = 3_600_000;

/**
 * Self-update with electron-updater: checks at start and every few hours, downloads in the
 * background, asks once per version to restart, and otherwise installs at the next quit.
 * Failures are logged and become the `error` state: nothing ever blocks the app.
 */
export function createUpdateController({
  updater,
  currentVersion,
  channel,
  timers,
  now,
  disabledReason = null,
  promptRestart,
  beforeInstall,
  onError,
  firstCheckDelayMs = 30_000,
  intervalMs = 4 * HOUR,
}: UpdateControllerOptions): UpdateController {
  const reason = disabledReason ?? (updater.isUpdaterActive() ? null : 'This build does not update itself.');
  let state = initialUpdateState(currentVersion, channel, reason);
  const listeners = new Set<(state: UpdateState) => void>();
  let timer: ReturnType<Timers['setTimeout']> | null = null;
  let stopped = true;
  let promptedVersion: string | null = null;

  const dispatch = (event: UpdateEvent): void => {
    const next = reduceUpdateState(state, event);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(state);
  };
  const applyChannel = (value: UpdateChannel): void => {
    const options = updaterChannelOptions(value);
    updater.channel = options.channel;
    // After `channel`, whose setter turns downgrades on.
    updater.allowPrerelease = options.allowPrerelease;
    updater.allowDowngrade = options.allowDowngrade;
  };
  const info = (value: ReleaseInfo): ReleaseInfo => ({
    version: value.version,
    releaseName: value.releaseName ?? null,
    releaseNotes: value.releaseNotes ?? null,
    releaseDate: value.releaseDate ?? null,
  });

  const install = (): Readonly<{ restarting: boolean }> => {
    if (state.status !== 'downloaded') return { restarting: false };
    beforeInstall();
    // Not silent: the installer shows its progress; it starts Tidings again when done.
    updater.quitAndInstall(false, true);
    return { restarting: true };
  };

  const askToRestart = async (): Promise<void> => {
    const available = state.available;
    if (available === null || promptedVersion === available.version) return;
    promptedVersion = available.version;
    if (await promptRestart(available)) install();
  };

  if (reason === null) {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    applyChannel(channel);
    updater.on('checking-for-update', () => dispatch({ type: 'checking' }));
    updater.on('update-available', (found) => dispatch({ type: 'available', info: info(found), at: now() }));
    updater.on('update-not-available', () => dispatch({ type: 'not-available', at: now() }));
    updater.on('download-progress', (progress) => dispatch({ type: 'progress', ...progress }));
    updater.on('update-downloaded', (downloaded) => {
      dispatch({ type: 'downloaded', info: info(downloaded), at: now() });
      askToRestart().catch((error: unknown) => onError('update-prompt-failed', error));
    });
    updater.on('error', (error) => {
      onError('update-failed', error);
      dispatch({ type: 'failed', at: now() });
    });
  }

  const check = async (): Promise<UpdateState> => {
    if (state.status === 'disabled') return state;
    try {
      const result = await updater.checkForUpdates();
      // The background download reports through events; its rejection must not go unhandled.
      result?.downloadPromise?.catch(() => undefined);
    } catch (error) {
      // electron-updater has emitted 'error' already; this covers a rejection without one.
      if (state.status !== 'error') {
        onError('update-check-failed', error);
        dispatch({ type: 'failed', at: now() });
      }
    }
    return state;
  };

  const schedule = (delay: number): void => {
    if (stopped) return;
    timer = timers.setTimeout(() => {
      timer = null;
      void check().finally(() => schedule(intervalMs));
    }, delay);
  };

  return Object.freeze({
    state: () => state,
    onChange(listener: (state: UpdateState) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    start() {
      if (!stopped || state.status === 'disabled') return;
      stopped = false;
      schedule(firstCheckDelayMs);
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
    check,
    async download() {
      if (state.status !== 'error' || state.available === null) return state;
      dispatch({ type: 'download-started' });
      try {
        await updater.downloadUpdate();
      } catch (error) {
        // Reported through the 'error' event as well; here only so the rejection is handled.
        if (state.status !== 'error') {
          onError('update-download-failed', error);
          dispatch({ type: 'failed', at: now() });
        }
      }
      return state;
    },
    install,
    setChannel(next: UpdateChannel) {
      if (next === state.channel) return;
      dispatch({ type: 'channel', channel: next });
      if (state.status === 'disabled') return;
      applyChannel(next);
      void check();
    },
  });
}
