import type { Database } from 'better-sqlite3';
import { createConversationRepository, type ConversationRepository } from './conversationRepository';
import { createDeviceRepository, type DeviceRepository } from './deviceRepository';
import { createInboxRepository, type InboxRepository } from './inboxRepository';
import { createMessageRepository, type MessageRepository } from './messageRepository';
import { createTransactor, type Transactor } from './transactor';

/** The repositories of the messaging core, on one database (a PostgreSQL set would offer the same shape). */
export type CoreRepositories = Readonly<{
  transactor: Transactor;
  messages: MessageRepository;
  conversations: ConversationRepository;
  inbox: InboxRepository;
  devices: DeviceRepository;
}>;

export function createCoreRepositories(db: Database): CoreRepositories {
  return {
    transactor: createTransactor(db),
    messages: createMessageRepository(db),
    conversations: createConversationRepository(db),
    inbox: createInboxRepository(db),
    devices: createDeviceRepository(db),
  };
}
