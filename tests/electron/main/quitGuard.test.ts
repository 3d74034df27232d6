import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitGuard } from '../../../electron/main/quitGuard';

function quitEvent() {
  return { preventDefault: vi.fn<() => void>() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createQuitGuard', () => {
  it('holds the quit until the engine closed, then quits once and lets that quit through', async () => {
    let finishClose = (): void => {};
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const quit = vi.fn();
    const guard = createQuitGuard({ close, quit, onError: vi.fn() });

    const first = quitEvent();
    guard(first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(close).toHaveBeenCalledOnce();

    // Quitting again while closing is held as well, without a second close.
    const again = quitEvent();
    guard(again);
    expect(again.preventDefault).toHaveBeenCalledOnce();
    expect(close).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();

    finishClose();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());

    const final = quitEvent();
    guard(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledOnce();
  });

  it('still quits when close fails, and reports the failure', async () => {
    const onError = vi.fn();
    const quit = vi.fn();
    const guard = createQuitGuard({ close: () => Promise.reject(new Error('disk gone')), quit, onError });
    guard(quitEvent());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk gone' }));
  });

  it('quits after the timeout when close hangs', async () => {
    vi.useFakeTimers();
    const onError = vi.fn();
    const quit = vi.fn();
    const guard = createQuitGuard({
      close: () => new Promise<void>(() => {}),
      quit,
      onError,
      timeoutMs: 1000,
    });
    guard(quitEvent());
    await vi.advanceTimersByTimeAsync(999);
    expect(quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quit).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledOnce();
  });
});
