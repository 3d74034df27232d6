import { net, powerMonitor } from 'electron';
import type { EngineHost, Timers } from '../../core';
import { watchOnline } from './onlineWatcher';

/**
 * Tells the engine what the OS knows before the engine could notice: the network went away or
 * came back, the machine is going to sleep or woke up (a socket from before a sleep is usually
 * dead without knowing it). Returns the function that stops forwarding.
 */
export function forwardSystemEvents(engine: EngineHost, timers: Timers): () => void {
  const watcher = watchOnline({
    isOnline: () => net.isOnline(),
    timers,
    onChange: (online) => engine.notifySystem(online ? 'online' : 'offline'),
  });
  const onSuspend = (): void => engine.notifySystem('suspend');
  const onResume = (): void => {
    engine.notifySystem('resume');
    watcher.check();
  };
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  return () => {
    watcher.stop();
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('resume', onResume);
  };
}
