import type { ServerConfig } from '../config';
import type { Logger } from '../log/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { Clock, Scheduler } from '../ports';
import type { CoreRepositories } from '../storage/coreRepositories';
import type { FriendRepository } from '../storage/friendRepository';
import type { GroupRepository } from '../storage/groupRepository';
import type { PresenceRepository } from '../storage/presenceRepository';
import type { UserRepository } from '../storage/userRepository';
import { createCommandService, type CommandHandlers, type CommandService } from './commandService';
import { createDeliveryService, type DeliveryService } from './deliveryService';
import { createDeviceService, type DeviceService } from './deviceService';
import { createGroupAccess } from './conversationAccess';
import { startInboxPruner } from './inboxPruner';
import type { ComposerDeps } from './messageComposer';
import { createMessagingService, type MessagingService } from './messagingService';
import type { Presence } from './presence';
import { createReadService } from './readService';
import { createRecallService } from './recallService';
import { createSocialCore } from './socialCore';
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
    friends: FriendRepository;
    groups: GroupRepository;
    presenceSettings: PresenceRepository;
    /** Uploaded files, for image and file messages. */
    files?: ComposerDeps['files'];
    users: Pick<UserRepository, 'exists' | 'findById'>;
    presence: Presence;
    config: Pick<ServerConfig, 'timings' | 'batchMaxMessages' | 'groups'>;
    clock: Clock;
    scheduler: Scheduler;
    logger: Logger;
    metrics: ServerMetrics;
    random?: () => number;
    /** The public inbox (server/broadcasts); without it `sync.public` answers an empty inbox. */
    publicInbox?: Pick<CommandHandlers, 'sync.public'>;
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
    groupCursors: (userId) => deps.groups.largeGroupCursors(userId, config.groups.pointerMaxMembers),
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
  const groupAccess = createGroupAccess(deps.groups);
  const social = createSocialCore({
    friends: deps.friends,
    groups: deps.groups,
    presenceSettings: deps.presenceSettings,
    users,
    messages: repos.messages,
    inbox: repos.inbox,
    queue,
    delivery,
    presence,
    clock,
    scheduler,
    random: deps.random ?? Math.random,
    notifyJitterMs: timings.notifyJitterMs,
    limits: config.groups,
  });
  const messaging = createMessagingService({
    users,
    messages: repos.messages,
    conversations: repos.conversations,
    inbox: repos.inbox,
    blocks: deps.friends,
    groups: social.groupSender,
    ...(deps.files ? { files: deps.files } : {}),
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
    groups: groupAccess,
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
    groups: groupAccess,
  });
  const commands = createCommandService({
    handlers: {
      'sync.inbox': (context, args) => sync.inbox(context, args),
      'sync.history': (context, args) => sync.history(context, args),
      'sync.conversations': (context) => sync.conversations(context),
      'read.mark': (context, args) => reads.mark(context, args),
      'message.recall': (context, args) => recalls.recall(context, args),
      ...social.handlers,
      'sync.public': deps.publicInbox?.['sync.public'] ?? (() => ({ events: [], max: 0, hasMore: false })),
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
    // Logins and departures also change what friends and fellow members see of the user.
    devices: {
      ...devices,
      register: async (userId, deviceId, kind) => {
        await devices.register(userId, deviceId, kind);
        social.presenceChanged(userId);
      },
      disconnected(userId, deviceId) {
        devices.disconnected(userId, deviceId);
        social.presenceChanged(userId);
      },
    },
    flush: () => queue.flush(),
    close() {
      pruner.stop();
      social.close();
      delivery.close();
      queue.close();
    },
  };
}
