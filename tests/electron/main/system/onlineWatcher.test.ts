import { describe, expect, it, vi } from 'vitest';
import { watchOnline } from '../../../../electron/main/system/onlineWatcher';
import { createManualTime } from '../../core/helpers/manualTime';

describe('watchOnline', () => {
  it('reports changes only, at each poll', () => {
    const time = createManualTime();
    let online = true;
    const onChange = vi.fn();
    watchOnline({ isOnline: () => online, timers: time, onChange, intervalMs: 1000 });
    time.advance(3000);
    expect(onChange).not.toHaveBeenCalled();
    online = false;
    time.advance(999);
    expect(onChange).not.toHaveBeenCalled();
    time.advance(1);
    expect(onChange).toHaveBeenLastCalledWith(false);
    time.advance(5000);
    expect(onChange).toHaveBeenCalledOnce();
    online = true;
    time.advance(1000);
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('reports a start without network at once, and checks on demand', () => {
    const time = createManualTime();
    let online = false;
    const onChange = vi.fn();
    const watcher = watchOnline({ isOnline: () => online, timers: time, onChange, intervalMs: 60_000 });
    expect(onChange).toHaveBeenCalledWith(false);
    online = true;
    watcher.check();
    expect(onChange).toHaveBeenLastCalledWith(true);
  });

  it('stops polling when stopped', () => {
    const time = createManualTime();
    const isOnline = vi.fn(() => true);
    const watcher = watchOnline({ isOnline, timers: time, onChange: vi.fn(), intervalMs: 1000 });
    watcher.stop();
    expect(time.pending()).toBe(0);
    time.advance(10_000);
    expect(isOnline).toHaveBeenCalledOnce();
  });
});
