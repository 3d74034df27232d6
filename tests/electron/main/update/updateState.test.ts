import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../../shared/ipc/channels/update';
import {
  initialUpdateState,
  reduceUpdateState,
  type UpdateEvent,
} from '../../../../electron/main/update/updateState';

const release = {
  version: '1.1.0',
  releaseName: 'Spring',
  releaseNotes: '<p>New</p>',
  releaseDate: '2024-04-01',
};
const run = (
  events: readonly UpdateEvent[],
  start: UpdateState = initialUpdateState('1.0.0', 'stable', null),
) => events.reduce(reduceUpdateState, start);

describe('update state machine', () => {
  it('starts idle, or disabled with a reason', () => {
    expect(initialUpdateState('1.0.0', 'beta', null)).toMatchObject({
      status: 'idle',
      channel: 'beta',
      reason: null,
    });
    expect(initialUpdateState('1.0.0', 'stable', 'dev build')).toMatchObject({
      status: 'disabled',
      reason: 'dev build',
    });
  });

  it('goes idle → checking → idle when there is nothing new', () => {
    const checking = run([{ type: 'checking' }]);
    expect(checking.status).toBe('checking');
    expect(run([{ type: 'checking' }, { type: 'not-available', at: 5 }])).toMatchObject({
      status: 'idle',
      lastCheckedAt: 5,
      available: null,
    });
  });

  it('downloads a found release with progress, then holds it ready', () => {
    const downloading = run([{ type: 'checking' }, { type: 'available', info: release, at: 5 }]);
    expect(downloading).toMatchObject({
      status: 'downloading',
      available: { version: '1.1.0', releaseName: 'Spring', releaseNotes: 'New', releaseDate: '2024-04-01' },
      progress: { percent: 0 },
    });
    const halfway = reduceUpdateState(downloading, {
      type: 'progress',
      percent: 50.5,
      transferred: 50,
      total: 100,
      bytesPerSecond: 10,
    });
    expect(halfway.progress).toEqual({ percent: 50.5, transferred: 50, total: 100, bytesPerSecond: 10 });
    const ready = reduceUpdateState(halfway, { type: 'downloaded', info: release, at: 9 });
    expect(ready).toMatchObject({ status: 'downloaded', progress: null, error: null, lastCheckedAt: 5 });
  });

  it('keeps a downloaded update through later checks and failures', () => {
    const ready = run([
      { type: 'available', info: release, at: 1 },
      { type: 'downloaded', info: release, at: 2 },
    ]);
    for (const event of [
      { type: 'checking' },
      { type: 'not-available', at: 3 },
      { type: 'failed', at: 3 },
      { type: 'progress', percent: 1, transferred: 1, total: 1, bytesPerSecond: 1 },
    ] as const) {
      expect(reduceUpdateState(ready, event), event.type).toBe(ready);
    }
    const newer = reduceUpdateState(ready, {
      type: 'downloaded',
      info: { ...release, version: '1.2.0' },
      at: 4,
    });
    expect(newer).toMatchObject({ status: 'downloaded', available: { version: '1.2.0' } });
  });

  it('turns a failed check or download into an error the user can read, keeping what was found', () => {
    expect(run([{ type: 'checking' }, { type: 'failed', at: 7 }])).toMatchObject({
      status: 'error',
      lastCheckedAt: 7,
      error: 'Tidings could not check for updates. It will try again later.',
    });
    const failedDownload = run([
      { type: 'available', info: release, at: 1 },
      { type: 'failed', at: 2 },
    ]);
    expect(failedDownload).toMatchObject({
      status: 'error',
      available: { version: '1.1.0' },
      error: 'The update could not be downloaded. Tidings will try again later.',
    });
    expect(reduceUpdateState(failedDownload, { type: 'download-started' })).toMatchObject({
      status: 'downloading',
      error: null,
    });
    expect(run([{ type: 'failed', at: 1 }, { type: 'checking' }])).toMatchObject({
      status: 'checking',
      error: null,
    });
  });

  it('ignores progress outside a download, clamps nonsense, and retries only a found release', () => {
    const idle = run([]);
    expect(
      reduceUpdateState(idle, { type: 'progress', percent: 5, transferred: 1, total: 2, bytesPerSecond: 1 }),
    ).toBe(idle);
    const downloading = run([{ type: 'available', info: release, at: 1 }]);
    expect(
      reduceUpdateState(downloading, {
        type: 'progress',
        percent: 250,
        transferred: -1,
        total: Number.NaN,
        bytesPerSecond: 3,
      }).progress,
    ).toEqual({ percent: 100, transferred: 0, total: 0, bytesPerSecond: 3 });
    const failedCheck = run([{ type: 'failed', at: 1 }]);
    expect(reduceUpdateState(failedCheck, { type: 'download-started' })).toBe(failedCheck);
  });

  it('stays disabled whatever happens, but follows the channel setting', () => {
    const disabled = initialUpdateState('1.0.0', 'stable', 'dev build');
    expect(run([{ type: 'checking' }, { type: 'available', info: release, at: 1 }], disabled)).toBe(disabled);
    expect(reduceUpdateState(disabled, { type: 'channel', channel: 'beta' }).channel).toBe('beta');
  });
});
