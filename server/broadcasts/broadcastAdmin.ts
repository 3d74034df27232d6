import type {
  createBroadcastRequestSchema,
  editBroadcastRequestSchema,
  whitelistEditRequestSchema,
} from '../../shared/protocol';
import { type AdminBroadcast, type BroadcastState } from '../../shared/protocol';
import type { z } from 'zod';
import { AppError } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { BroadcastRecord, BroadcastRepository } from './broadcastRepository';

type CreateRequest = z.output<typeof createBroadcastRequestSchema>;
type EditRequest = z.output<typeof editBroadcastRequestSchema>;
type WhitelistEdit = z.output<typeof whitelistEditRequestSchema>;

/** The broadcast lifecycle for the admin API: draft → prerelease → published → stopped | recalled. */
export type BroadcastAdmin = Readonly<{
  create(request: CreateRequest): AdminBroadcast;
  /** Drafts and pre-releases only; a pre-release's whitelist sees the change at once. */
  edit(id: string, request: EditRequest): AdminBroadcast;
  editWhitelist(id: string, request: WhitelistEdit): AdminBroadcast;
  prerelease(id: string): AdminBroadcast;
  publish(id: string): AdminBroadcast;
  /** No longer delivered; notices already received stay until they expire. */
  stop(id: string): AdminBroadcast;
  /** Clients delete the notice, even one already shown. */
  recall(id: string): AdminBroadcast;
  list(): AdminBroadcast[];
  get(id: string): AdminBroadcast;
}>;

function toAdmin(record: BroadcastRecord): AdminBroadcast {
  return {
    id: record.id,
    title: record.title,
    body: record.body,
    state: record.state,
    audience: record.audience,
    whitelist: [...record.whitelist],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    publishedAt: record.publishedAt,
    expiresAt: record.expiresAt,
    publicSeq: record.publicSeq,
  };
}

/** Which states each step may start from. */
const allowedFrom: Readonly<Record<string, readonly BroadcastState[]>> = {
  edit: ['draft', 'prerelease'],
  whitelist: ['draft', 'prerelease'],
  prerelease: ['draft'],
  publish: ['draft', 'prerelease'],
  stop: ['prerelease', 'published'],
  recall: ['prerelease', 'published', 'stopped'],
};

export function createBroadcastAdmin(
  deps: Readonly<{
    repository: BroadcastRepository;
    users: Readonly<{ exists(userId: string): boolean }>;
    clock: Clock;
    logger: Logger;
    /** After every committed change: refresh the in-memory inbox and notify whom it concerns. */
    changed: () => void;
  }>,
): BroadcastAdmin {
  const { repository, clock, logger } = deps;

  const load = (id: string): BroadcastRecord => {
    const record = repository.find(id);
    if (!record) throw new AppError('broadcast-not-found');
    return record;
  };

  const requireState = (record: BroadcastRecord, step: string): void => {
    const states = allowedFrom[step] ?? [];
    if (!states.includes(record.state))
      throw new AppError(
        'invalid-state',
        `Cannot ${step} a broadcast that is ${record.state} (only when ${states.join(' or ')}).`,
      );
  };

  const requireUsers = (userIds: readonly string[]): void => {
    const missing = userIds.filter((userId) => !deps.users.exists(userId));
    if (missing.length > 0) throw new AppError('user-not-found', `No such user: ${missing.join(', ')}.`);
  };

  const requireUnexpired = (expiresAt: number | null, now: number): void => {
    if (expiresAt !== null && expiresAt <= now)
      throw new AppError('invalid-request', 'expiresAt: the expiry time has already passed.');
  };

  /** Runs one step in a transaction, then tells the inbox; returns the broadcast as it now is. */
  const step = (
    id: string,
    name: string,
    write: (record: BroadcastRecord, now: number) => void,
  ): AdminBroadcast => {
    const now = clock.now();
    repository.transaction(() => {
      const record = load(id);
      requireState(record, name);
      write(record, now);
    });
    logger.info('broadcast changed', { id, step: name });
    deps.changed();
    return toAdmin(load(id));
  };

  return {
    create(request) {
      requireUsers(request.whitelist);
      const now = clock.now();
      requireUnexpired(request.expiresAt, now);
      const id = repository.transaction(() =>
        repository.insert(
          {
            title: request.title,
            body: request.body,
            audience: request.audience,
            expiresAt: request.expiresAt,
          },
          request.whitelist,
          now,
        ),
      );
      logger.info('broadcast created', { id });
      deps.changed();
      return toAdmin(load(id));
    },

    edit(id, request) {
      return step(id, 'edit', (record, now) => {
        const expiresAt = request.expiresAt === undefined ? record.expiresAt : request.expiresAt;
        if (request.expiresAt !== undefined) requireUnexpired(expiresAt, now);
        repository.update(
          id,
          {
            title: request.title ?? record.title,
            body: request.body ?? record.body,
            audience: request.audience ?? record.audience,
            expiresAt,
          },
          now,
        );
        if (record.state === 'prerelease') repository.bumpSeq(id);
      });
    },

    editWhitelist(id, request) {
      requireUsers(request.add);
      return step(id, 'whitelist', (record) => {
        if (request.remove.length > 0) repository.removeFromWhitelist(id, request.remove);
        if (request.add.length > 0) {
          repository.addToWhitelist(id, request.add);
          // A new member's cursor may be past the broadcast's sequence: move it above them.
          if (record.state === 'prerelease') repository.bumpSeq(id);
        }
      });
    },

    prerelease(id) {
      return step(id, 'prerelease', (record, now) => {
        requireUnexpired(record.expiresAt, now);
        repository.setState(id, 'prerelease', now);
        repository.markVisible(id, now, false);
        repository.bumpSeq(id);
      });
    },

    publish(id) {
      return step(id, 'publish', (record, now) => {
        requireUnexpired(record.expiresAt, now);
        repository.setState(id, 'published', now);
        repository.markVisible(id, now, true);
        repository.bumpSeq(id);
      });
    },

    stop(id) {
      return step(id, 'stop', (_record, now) => repository.setState(id, 'stopped', now));
    },

    recall(id) {
      return step(id, 'recall', (_record, now) => {
        repository.setState(id, 'recalled', now);
        repository.bumpSeq(id);
      });
    },

    list: () => repository.list().map(toAdmin),
    get: (id) => toAdmin(load(id)),
  };
}
