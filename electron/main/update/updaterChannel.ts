import type { UpdateChannel } from '../../../shared/ipc/channels/update';

export type UpdaterChannelOptions = Readonly<{
  /** electron-updater's channel: `latest` for stable releases. */
  channel: 'latest' | 'beta';
  /** GitHub provider: whether pre-releases (1.2.0-beta.1) count. */
  allowPrerelease: boolean;
  allowDowngrade: boolean;
}>;

/**
 * electron-updater's options for the `updateChannel` setting. Downgrades stay off even when a
 * beta user goes back to stable (setting `channel` would turn them on): an older build cannot
 * open a database a newer one migrated, so the user stays on the beta until a newer stable
 * release overtakes it.
 * https://www.electron.build/tutorials/release-using-channels
 */
export function updaterChannelOptions(channel: UpdateChannel): UpdaterChannelOptions {
  return channel === 'beta'
    ? { channel: 'beta', allowPrerelease: true, allowDowngrade: false }
    : { channel: 'latest', allowPrerelease: false, allowDowngrade: false };
}
