import type { Logger } from '../log/logger';
import type { Scheduler } from '../ports';
import type { FileService } from './fileService';

/** Most expired uploads deleted per pass, so one pass never holds the event loop long. */
const BATCH = 100;

/**
 * Deletes uploads left incomplete past their time, every `intervalMs`; a full batch runs the
 * next pass at once. Returns the stop function.
 */
export function startUploadSweeper(
  deps: Readonly<{
    files: Pick<FileService, 'sweep'>;
    scheduler: Scheduler;
    intervalMs: number;
    logger: Logger;
  }>,
): () => void {
  let cancel = (): void => {};
  let stopped = false;
  const pass = (): void => {
    deps.files.sweep(BATCH).then(
      (deleted) => schedule(deleted === BATCH ? 0 : deps.intervalMs),
      (error: unknown) => {
        deps.logger.error('upload sweep failed', { error });
        schedule(deps.intervalMs);
      },
    );
  };
  const schedule = (ms: number): void => {
    if (!stopped) cancel = deps.scheduler.after(ms, pass);
  };
  schedule(deps.intervalMs);
  return () => {
    stopped = true;
    cancel();
  };
}
