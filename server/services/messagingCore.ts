import type { ServerConfig } from '../config';
import type { Logger } from '../log/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { Clock, Scheduler } from '../ports';
import type { CoreRepositories } from '../storage/coreRepositories';
import type { UserRepository } from '../storage/userRepository';
import { createCommandService, type CommandService } from './commandService';
import { createDeliveryService, type DeliveryService } from './deliveryService';
import { createDeviceService, type DeviceService } from './deviceService';
import { startInboxPruner } from './inboxPruner';
import { createMessagingService, type MessagingService } from './messagingService';
import type { Presence } from './presence';
import { createReadService } from './readService';
import { createRecallService } from './recallService';
import { createSyncService } from './syncService';
import { createWriteQueue } from './writeQueue';

/** Messaging, delivery and sync, wired together; what the gateway needs and how to stop it. */
export type MessagingCore = Readonly<{
  messaging: MessagingService;
  commands: CommandService;
  delivery: DeliveryService;
  devices: DeviceService;
  /** Commits queued writes now (shutdown, before the sockets close). */
  flush(): void;
  /** Stops timers and commits the last writes; call after the sockets are closed. */
  close(): void;
}>;

export function createMessagingCore(
  deps: Readonly<{
    repositories: CoreRepositories;
    users: Pick<UserRepository, 'exists' | 'findById'>;
    presence: Presence;
    config: Pick<ServerConfig, 'timings' | 'batchMaxMessages'>;
    clock: Clock;
    scheduler: Scheduler;
    logger: Logger;
    metrics: ServerMetrics;
    random?: () => number;
  }>,
): MessagingCore {
  const { repositories: repos, users, presence, config, clock, scheduler, logger, metrics } = deps;
  const { timings } = config;
  const queue = createWriteQueue(repos.transactor, {
    maxBatch: config.batchMaxMessages,
    onCommit: (operations) => {
      metrics.commitBatchSize.observe(operations);
      if (operations > 1) logger.debug('group commit', { component: 'writer', operations });
    },
  });
  const devices = createDeviceService({
    devices: repos.devices,
    inbox: repos.inbox,
    queue,
    clock,
    logger: logger.child({ component: 'devices' }),
    recallWindowMs: timings.recallWindowMs,
  });
  const delivery = createDeliveryService({
    presence,
    inbox: repos.inbox,
    devices,
    scheduler,
    random: deps.random ?? Math.random,
    logger: logger.child({ component: 'delivery' }),
    options: {
      retryMs: timings.pushRetryMs,
      maxRetries: timings.pushMaxRetries,
      notifyJitterMs: timings.notifyJitterMs,
    },
  });
  const messaging = createMessagingService({
    users,
    messages: repos.messages,
    conversations: repos.conversations,
    inbox: repos.inbox,
    queue,
    delivery,
    clock,
    logger: logger.child({ component: 'messaging' }),
    metrics,
  });
  const sync = createSyncService({
    inbox: repos.inbox,
    messages: repos.messages,
    conversations: repos.conversations,
    devices,
    metrics,
  });
  const reads = createReadService({
    conversations: repos.conversations,
    inbox: repos.inbox,
    queue,
    delivery,
    clock,
  });
  const recalls = createRecallService({
    conversations: repos.conversations,
    messages: repos.messages,
    inbox: repos.inbox,
    queue,
    delivery,
    clock,
    windowMs: timings.recallWindowMs,
  });
  const commands = createCommandService({
    handlers: {
      'sync.inbox': (context, args) => sync.inbox(context, args),
      'sync.history': (context, args) => sync.history(context, args),
      'sync.conversations': (context) => sync.conversations(context),
      'read.mark': (context, args) => reads.mark(context, args),
      'message.recall': (context, args) => recalls.recall(context, args),
    },
    logger: logger.child({ component: 'commands' }),
  });
  const pruner = startInboxPruner({
    inbox: repos.inbox,
    queue,
    clock,
    scheduler,
    logger: logger.child({ component: 'retention' }),
    retentionMs: timings.inboxRetentionMs,
    intervalMs: timings.inboxPruneIntervalMs,
  });

  return {
    messaging,
    commands,
    delivery,
    devices,
    flush: () => queue.flush(),
    close() {
      pruner.stop();
      delivery.close();
      queue.close();
    },
  };
}
