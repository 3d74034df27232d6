import type { UpdateChannel, UpdateState } from '../../../shared/ipc/channels/update';
import { shellText } from '../shellText';
import { releaseNotesText, type RawReleaseNotes } from './releaseNotes';

/** What electron-updater tells about a release (a subset of its UpdateInfo). */
export type ReleaseInfo = Readonly<{
  version: string;
  releaseName?: string | null;
  releaseNotes?: RawReleaseNotes;
  releaseDate?: string | null;
}>;

export type UpdateEvent =
  | Readonly<{ type: 'checking' }>
  | Readonly<{ type: 'available'; info: ReleaseInfo; at: number }>
  | Readonly<{ type: 'not-available'; at: number }>
  | Readonly<{
      type: 'progress';
      percent: number;
      transferred: number;
      total: number;
      bytesPerSecond: number;
    }>
  | Readonly<{ type: 'download-started' }>
  | Readonly<{ type: 'downloaded'; info: ReleaseInfo; at: number }>
  | Readonly<{ type: 'failed'; at: number }>
  | Readonly<{ type: 'channel'; channel: UpdateChannel }>;

export function initialUpdateState(
  currentVersion: string,
  channel: UpdateChannel,
  disabledReason: string | null,
): UpdateState {
  return {
    status: disabledReason === null ? 'idle' : 'disabled',
    currentVersion,
    channel,
    lastCheckedAt: null,
    available: null,
    progress: null,
    error: null,
    reason: disabledReason,
  };
}

function toAvailable(info: ReleaseInfo): NonNullable<UpdateState['available']> {
  return {
    version: info.version,
    releaseName: info.releaseName ?? null,
    releaseNotes: releaseNotesText(info.releaseNotes),
    releaseDate: info.releaseDate ?? null,
  };
}

const finite = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/**
 * The update state machine. idle → checking → (idle | downloading → downloaded) and error from
 * checking or downloading. A downloaded update stays ready whatever later checks say: it
 * installs at the next quit. A disabled updater stays disabled. Errors keep what was found,
 * so a failed download can be retried.
 */
export function reduceUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  if (event.type === 'channel') return { ...state, channel: event.channel };
  if (state.status === 'disabled' || state.status === 'downloaded') {
    // A later download of a newer release may still complete.
    if (state.status === 'downloaded' && event.type === 'downloaded') {
      return { ...state, available: toAvailable(event.info), lastCheckedAt: event.at };
    }
    return state;
  }
  switch (event.type) {
    case 'checking':
      return state.status === 'downloading' ? state : { ...state, status: 'checking', error: null };
    case 'available':
      return {
        ...state,
        status: 'downloading',
        lastCheckedAt: event.at,
        available: toAvailable(event.info),
        progress: { percent: 0, transferred: 0, total: 0, bytesPerSecond: 0 },
        error: null,
      };
    case 'not-available':
      return {
        ...state,
        status: 'idle',
        lastCheckedAt: event.at,
        available: null,
        progress: null,
        error: null,
      };
    case 'progress':
      if (state.status !== 'downloading') return state;
      return {
        ...state,
        progress: {
          percent: Math.min(100, finite(event.percent)),
          transferred: finite(event.transferred),
          total: finite(event.total),
          bytesPerSecond: finite(event.bytesPerSecond),
        },
      };
    case 'download-started':
      // A retry after a failed download of a release that was found.
      if (state.status !== 'error' || state.available === null) return state;
      return {
        ...state,
        status: 'downloading',
        progress: { percent: 0, transferred: 0, total: 0, bytesPerSecond: 0 },
        error: null,
      };
    case 'downloaded':
      return {
        ...state,
        status: 'downloaded',
        lastCheckedAt: state.lastCheckedAt ?? event.at,
        available: toAvailable(event.info),
        progress: null,
        error: null,
      };
    case 'failed':
      return {
        ...state,
        status: 'error',
        lastCheckedAt: event.at,
        progress: null,
        error: state.status === 'downloading' ? shellText.updateDownloadFailed : shellText.updateFailed,
      };
  }
}
