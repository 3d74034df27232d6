import type { MenuItem } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { trayMenuTemplate } from '../../../../electron/main/tray/trayMenu';

describe('tray menu', () => {
  it('offers open, mute all (checked as set) and quit, each wired to its action', () => {
    const actions = { onOpen: vi.fn(), onToggleMuteAll: vi.fn(), onQuit: vi.fn() };
    const items = trayMenuTemplate({ mutedAll: true, ...actions });
    expect(items.map((item) => item.id ?? item.type)).toEqual(['open', 'mute-all', 'separator', 'quit']);
    const byId = (id: string) => items.find((item) => item.id === id);
    expect(byId('mute-all')).toMatchObject({ type: 'checkbox', checked: true });

    const click = (id: string, item: Partial<MenuItem> = {}): void =>
      (byId(id)?.click as ((item: MenuItem) => void) | undefined)?.(item as MenuItem);
    click('open');
    click('mute-all', { checked: false });
    click('quit');
    expect(actions.onOpen).toHaveBeenCalledOnce();
    expect(actions.onToggleMuteAll).toHaveBeenCalledWith(false);
    expect(actions.onQuit).toHaveBeenCalledOnce();
  });
});
