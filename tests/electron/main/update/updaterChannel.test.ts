import { describe, expect, it } from 'vitest';
import { updaterChannelOptions } from '../../../../electron/main/update/updaterChannel';

describe('updaterChannelOptions', () => {
  it('maps the setting to electron-updater, never allowing a downgrade', () => {
    expect(updaterChannelOptions('stable')).toEqual({
      channel: 'latest',
      allowPrerelease: false,
      allowDowngrade: false,
    });
    expect(updaterChannelOptions('beta')).toEqual({
      channel: 'beta',
      allowPrerelease: true,
      allowDowngrade: false,
    });
  });
});
