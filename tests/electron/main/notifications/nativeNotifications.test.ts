import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const shown: FakeNotification[] = [];
  class FakeNotification {
    static supported = true;
    static isSupported = (): boolean => FakeNotification.supported;
    readonly listeners = new Map<string, (() => void)[]>();
    readonly close = vi.fn(() => this.emit('close'));
    constructor(readonly options: { title: string; body: string; silent: boolean }) {}
    on(event: string, listener: () => void): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string): void {
      for (const listener of this.listeners.get(event) ?? []) listener();
    }
    show(): void {
      shown.push(this);
    }
  }
  return { shown, Notification: FakeNotification };
});
vi.mock('electron', () => ({ Notification: electron.Notification }));

const { createNativeNotifications } =
  await import('../../../../electron/main/notifications/nativeNotifications');

beforeEach(() => {
  electron.shown.length = 0;
  electron.Notification.supported = true;
});

describe('native notifications', () => {
  it('shows the content and runs the click action', () => {
    const show = createNativeNotifications();
    const onClick = vi.fn();
    show('a', { title: 'Ada', body: 'hi', silent: true }, onClick);
    expect(electron.shown).toHaveLength(1);
    expect(electron.shown[0]?.options).toEqual({ title: 'Ada', body: 'hi', silent: true });
    electron.shown[0]?.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('replaces the older notification of the same conversation only', () => {
    const show = createNativeNotifications();
    show('a', { title: 'Ada', body: '1', silent: false }, vi.fn());
    show('b', { title: 'Bob', body: '1', silent: false }, vi.fn());
    show('a', { title: 'Ada', body: '2', silent: false }, vi.fn());
    const [firstA, firstB, secondA] = electron.shown;
    expect(firstA?.close).toHaveBeenCalledOnce();
    expect(firstB?.close).not.toHaveBeenCalled();
    expect(secondA?.close).not.toHaveBeenCalled();
  });

  it('does nothing where the system has no notifications', () => {
    electron.Notification.supported = false;
    createNativeNotifications()('a', { title: 'Ada', body: 'x', silent: false }, vi.fn());
    expect(electron.shown).toHaveLength(0);
  });
});
