import { createTaskTracker, type TaskTracker } from '../../../../electron/core/session/taskTracker';
import { noopLogger } from '../../../../electron/core/deps/logger';

/** A task tracker whose background work a test can await. */
export function createTestTasks(): TaskTracker {
  return createTaskTracker(noopLogger);
}
