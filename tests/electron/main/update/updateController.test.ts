import { describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../../../shared/ipc/channels/update';
import {
  createUpdateController,
  type UpdateControllerOptions,
  type UpdaterLike,
} from '../../../../electron/main/update/updateController';
import { createManualTime } from '../../core/helpers/manualTime';

type Listener = (...args: unknown[]) => void;

/** electron-updater's AppUpdater as far as the controller sees it: settings, events, calls. */
function fakeUpdater(active = true) {
  const listeners = new Map<string, Listener[]>();
  const fake = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowPrerelease: true,
    allowDowngrade: true,
    channel: null as string | null,
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return fake;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    isUpdaterActive: vi.fn(() => active),
    checkForUpdates: vi.fn((): Promise<unknown> => Promise.resolve(null)),
    downloadUpdate: vi.fn((): Promise<string[]> => Promise.resolve([])),
    quitAndInstall: vi.fn(),
  };
  return fake;
}

const release = {
  version: '1.1.0',
  releaseName: 'Spring',
  releaseNotes: '<p>Faster</p>',
  releaseDate: '2024-04-01',
};

function setUp(patch: Partial<UpdateControllerOptions> = {}, updater = fakeUpdater()) {
  const time = createManualTime();
  const promptRestart = vi.fn(() => Promise.resolve(false));
  const beforeInstall = vi.fn();
  const onError = vi.fn();
  const controller = createUpdateController({
    updater: updater as unknown as UpdaterLike,
    currentVersion: '1.0.0',
    channel: 'stable',
    timers: time,
    now: time.now,
    promptRestart,
    beforeInstall,
    onError,
    firstCheckDelayMs: 1000,
    intervalMs: 10_000,
    ...patch,
  });
  const states: UpdateState[] = [];
  controller.onChange((state) => states.push(state));
  return { controller, updater, time, promptRestart, beforeInstall, onError, states };
}

describe('update controller', () => {
  it('configures electron-updater for background downloads on the chosen channel', () => {
    const { updater } = setUp({ channel: 'beta' });
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      channel: 'beta',
      allowPrerelease: true,
      allowDowngrade: false,
    });
  });

  it('checks after the first delay and then periodically', async () => {
    const { controller, updater, time } = setUp();
    controller.start();
    time.advance(999);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    time.advance(1);
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(time.pending()).toBe(1));
    time.advance(10_000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    controller.stop();
    expect(time.pending()).toBe(0);
  });

  it('follows the updater events to a downloaded update and asks once to restart', async () => {
    const { controller, updater, promptRestart, states } = setUp();
    updater.emit('checking-for-update');
    updater.emit('update-available', release);
    updater.emit('download-progress', {
      percent: 40,
      transferred: 4,
      total: 10,
      bytesPerSecond: 2,
      delta: 1,
    });
    updater.emit('update-downloaded', { ...release, downloadedFile: '/tmp/x' });
    expect(states.map((state) => state.status)).toEqual([
      'checking',
      'downloading',
      'downloading',
      'downloaded',
    ]);
    expect(controller.state().available).toEqual({
      version: '1.1.0',
      releaseName: 'Spring',
      releaseNotes: 'Faster',
      releaseDate: '2024-04-01',
    });
    await vi.waitFor(() => expect(promptRestart).toHaveBeenCalledOnce());
    expect(promptRestart).toHaveBeenCalledWith(
      expect.objectContaining({ version: '1.1.0', releaseNotes: 'Faster' }),
    );
    updater.emit('update-downloaded', { ...release, downloadedFile: '/tmp/x' });
    await Promise.resolve();
    expect(promptRestart).toHaveBeenCalledOnce();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('restarts into the update when the user agrees, letting the windows close first', async () => {
    const { updater, beforeInstall } = setUp({ promptRestart: () => Promise.resolve(true) });
    updater.emit('update-available', release);
    updater.emit('update-downloaded', release);
    await vi.waitFor(() => expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true));
    expect(beforeInstall).toHaveBeenCalledBefore(updater.quitAndInstall);
  });

  it('installs on request only when an update is downloaded', () => {
    const { controller, updater } = setUp();
    expect(controller.install()).toEqual({ restarting: false });
    updater.emit('update-available', release);
    updater.emit('update-downloaded', release);
    expect(controller.install()).toEqual({ restarting: true });
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('logs failures and shows them as state without throwing, and handles the download promise', async () => {
    const { controller, updater, onError } = setUp();
    const download = Promise.reject(new Error('connection reset'));
    updater.checkForUpdates.mockImplementationOnce(() => {
      updater.emit('checking-for-update');
      updater.emit('update-available', release);
      return Promise.resolve({ downloadPromise: download });
    });
    await expect(controller.check()).resolves.toMatchObject({ status: 'downloading' });
    updater.emit('error', new Error('connection reset'));
    expect(controller.state()).toMatchObject({ status: 'error', available: { version: '1.1.0' } });
    expect(onError).toHaveBeenCalledWith('update-failed', expect.any(Error));

    updater.checkForUpdates.mockRejectedValueOnce(new Error('offline'));
    updater.emit('checking-for-update');
    await expect(controller.check()).resolves.toMatchObject({ status: 'error' });
    expect(onError).toHaveBeenCalledWith(
      'update-check-failed',
      expect.objectContaining({ message: 'offline' }),
    );
  });

  it('retries a failed download on request', async () => {
    const { controller, updater } = setUp();
    updater.emit('update-available', release);
    updater.emit('error', new Error('reset'));
    updater.downloadUpdate.mockImplementationOnce(() => {
      updater.emit('update-downloaded', release);
      return Promise.resolve(['/tmp/x']);
    });
    await expect(controller.download()).resolves.toMatchObject({ status: 'downloaded' });
    expect(updater.downloadUpdate).toHaveBeenCalledOnce();
    await controller.download();
    expect(updater.downloadUpdate).toHaveBeenCalledOnce();
  });

  it('switches channel from the settings and checks again', () => {
    const { controller, updater, states } = setUp();
    controller.setChannel('beta');
    expect(updater).toMatchObject({ channel: 'beta', allowPrerelease: true, allowDowngrade: false });
    expect(states.at(-1)?.channel).toBe('beta');
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    controller.setChannel('beta');
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    controller.setChannel('stable');
    expect(updater).toMatchObject({ channel: 'latest', allowPrerelease: false, allowDowngrade: false });
  });

  it('stays disabled where electron-updater is inactive, and never checks', async () => {
    const { controller, updater, time } = setUp({}, fakeUpdater(false));
    expect(controller.state()).toMatchObject({ status: 'disabled', currentVersion: '1.0.0' });
    controller.start();
    time.advance(100_000);
    await controller.check();
    controller.setChannel('beta');
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(controller.state().channel).toBe('beta');
    expect(updater.autoDownload).toBe(false);
  });
});
