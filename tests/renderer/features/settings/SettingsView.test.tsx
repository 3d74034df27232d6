// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsView } from '../../../../renderer/src/features/settings/SettingsView';
import { ok } from '../../../../shared/ipc/errors';
import type { Settings } from '../../../../shared/ipc/models';
import { alice } from '../../conversationFixture';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';
import { applyPatch, defaultSettings, idleUpdate } from '../../settingsFixture';

afterEach(cleanup);

function renderSettings(language: 'en' | 'zh' = 'en') {
  let settings: Settings = defaultSettings;
  const fake = fakeApi({
    'settings:set': (patch) => {
      settings = applyPatch(settings, patch);
      return ok(settings);
    },
    'update:state': () => ok(idleUpdate),
    'update:check': () => ok({ ...idleUpdate, status: 'checking' as const }),
    'app:revealLogs': () => ok({ shown: true }),
    'search:rebuild': () => ok({ state: 'rebuilding' as const, done: 0, total: 10 }),
    'auth:logout': () => ok(null),
    'storage:stats': () => ok({ databaseBytes: 5 * 1024 * 1024, cacheBytes: 2048 }),
    'storage:clearCache': () => ok({ databaseBytes: 5 * 1024 * 1024, cacheBytes: 0 }),
  });
  const rendered = renderWithProviders(<SettingsView />, { api: fake.api, language });
  act(() => {
    rendered.store.getState().signedIn(alice);
    rendered.store.getState().settingsChanged(settings);
  });
  const current = () => settings;
  return { fake, rendered, current };
}

describe('SettingsView', () => {
  it('shows the account and every section', async () => {
    renderSettings();
    expect((await screen.findByTestId('settings-display-name')).textContent).toBe('Alice');
    for (const name of [
      'Account',
      'Notifications',
      'Language and appearance',
      'Messages',
      'Storage',
      'System',
      'Updates',
      'About',
    ])
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    expect((await screen.findByTestId('app-version')).textContent).toBe('Version 1.2.3');
  });

  it('saves theme, send key, language, notifications, quiet hours and start at login through settings:set', async () => {
    const { fake, current } = renderSettings();
    fireEvent.click(screen.getByTestId('theme-dark'));
    await waitFor(() => expect(current().theme).toBe('dark'));
    fireEvent.click(screen.getByTestId('send-key-mod-enter'));
    await waitFor(() => expect(current().sendKey).toBe('mod-enter'));
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'zh-CN' } });
    await waitFor(() => expect(current().language).toBe('zh-CN'));
    fireEvent.click(screen.getByTestId('notify-sound'));
    await waitFor(() => expect(current().notifications.sound).toBe(false));
    fireEvent.click(screen.getByTestId('dnd-enabled'));
    await waitFor(() => expect(current().doNotDisturb.enabled).toBe(true));
    fireEvent.change(screen.getByTestId('dnd-from'), { target: { value: '23:30' } });
    await waitFor(() => expect(current().doNotDisturb.from).toBe('23:30'));
    fireEvent.click(screen.getByTestId('start-at-login'));
    await waitFor(() => expect(current().startAtLogin).toBe(true));
    fireEvent.click(screen.getByTestId('update-channel-beta'));
    await waitFor(() => expect(current().updateChannel).toBe('beta'));
    expect(fake.calls.filter((c) => c.channel === 'settings:set').map((c) => c.request)).toEqual([
      { theme: 'dark' },
      { sendKey: 'mod-enter' },
      { language: 'zh-CN' },
      { notifications: { sound: false } },
      { doNotDisturb: { enabled: true } },
      { doNotDisturb: { from: '23:30' } },
      { startAtLogin: true },
      { updateChannel: 'beta' },
    ]);
  });

  it('calls update:check and shows the update state as it changes', async () => {
    const { fake } = renderSettings();
    expect((await screen.findByTestId('update-status')).textContent).toBe('Tidings is up to date.');
    fireEvent.click(screen.getByTestId('update-check'));
    await waitFor(() => expect(fake.calls.map((c) => c.channel)).toContain('update:check'));
    fake.emit('update:changed', {
      ...idleUpdate,
      status: 'downloaded',
      available: { version: '1.3.0', releaseName: null, releaseNotes: '', releaseDate: null },
    });
    expect((await screen.findByTestId('update-status')).textContent).toBe(
      'Version 1.3.0 is ready to install.',
    );
    expect(screen.getByTestId('update-install')).toBeTruthy();
  });

  it('calls app:revealLogs and search:rebuild, and shows the rebuild progress', async () => {
    const { fake } = renderSettings();
    fireEvent.click(screen.getByTestId('reveal-logs'));
    fireEvent.click(screen.getByTestId('rebuild-index'));
    await waitFor(() => expect(screen.getByTestId('index-state').textContent).toBe('Rebuilding… 0 of 10'));
    expect(fake.calls.map((c) => c.channel)).toEqual(
      expect.arrayContaining(['app:revealLogs', 'search:rebuild']),
    );
  });

  it('shows the storage sizes and clears the picture cache with storage:clearCache', async () => {
    const { fake } = renderSettings();
    expect((await screen.findByTestId('storage-database')).textContent).toBe('5 MB');
    expect(screen.getByTestId('storage-cache').textContent).toBe('2 KB');
    fireEvent.click(screen.getByTestId('clear-cache'));
    await waitFor(() => expect(screen.getByTestId('storage-cache').textContent).toBe('0 B'));
    expect(fake.calls.map((c) => c.channel)).toContain('storage:clearCache');
    expect(screen.getByTestId<HTMLButtonElement>('clear-cache').disabled).toBe(true);
  });

  it('signs out after confirming', async () => {
    const { fake, rendered } = renderSettings();
    fireEvent.click(await screen.findByTestId('logout'));
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(rendered.store.getState().account).toBeNull());
    expect(fake.calls.map((c) => c.channel)).toContain('auth:logout');
  });

  it('is all in Chinese when the language is Chinese', async () => {
    renderSettings('zh');
    expect(await screen.findByRole('heading', { name: '设置' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '语言与外观' })).toBeTruthy();
    expect((await screen.findByTestId('update-status')).textContent).toBe('Tidings 已是最新版本。');
  });
});
