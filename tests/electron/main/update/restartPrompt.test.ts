import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  dialog: {
    showMessageBox: vi.fn((_options: Record<string, unknown>) =>
      Promise.resolve({ response: 0, checkboxChecked: false }),
    ),
  },
}));
vi.mock('electron', () => electron);

const { promptRestart } = await import('../../../../electron/main/update/restartPrompt');

const available = { version: '1.1.0', releaseName: null, releaseNotes: 'Faster sync', releaseDate: null };

describe('promptRestart', () => {
  it('asks with the version and release notes, restart being the default', async () => {
    await expect(promptRestart(available)).resolves.toBe(true);
    const [options] = electron.dialog.showMessageBox.mock.calls[0] ?? [];
    expect(options).toMatchObject({
      message: expect.stringContaining('1.1.0') as unknown,
      detail: 'Faster sync',
      buttons: ['Restart now', 'Later'],
      defaultId: 0,
      cancelId: 1,
    });
  });

  it('answers false for Later, and shortens long notes', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(promptRestart({ ...available, releaseNotes: 'x'.repeat(5000) })).resolves.toBe(false);
    const options = electron.dialog.showMessageBox.mock.calls.at(-1)?.[0];
    expect(String(options?.detail).length).toBeLessThanOrEqual(1501);
    expect(String(options?.detail).endsWith('…')).toBe(true);
  });
});
