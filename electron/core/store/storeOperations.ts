import type { StoreOperation } from './storeApi';

/**
 * Every operation name of the store, for the host-side proxy (the API itself lives in the
 * worker bundle). The type check below fails when an operation is added without its name.
 */
export const storeOperations = [
  'listConversations',
  'getConversation',
  'openDirectConversation',
  'updatePeer',
  'setPinned',
  'setMuted',
  'setDraft',
  'markRead',
  'unsyncedReads',
  'readSynced',
  'deleteConversationLocally',
  'ensureConversation',
  'listMessages',
  'getMessage',
  'insertOutgoing',
  'insertPushedText',
  'deleteMessagesLocally',
  'recallMessage',
  'listOutbox',
  'recordAttempt',
  'markSent',
  'markFailed',
  'retry',
  'applySync',
  'inboxCursor',
  'setInboxCursor',
  'catchUpTargets',
  'backfillTargets',
  'backfillRemaining',
  'historyComplete',
  'listGroups',
  'getGroup',
  'groupMembers',
  'saveGroupSummaries',
  'saveGroupMembers',
  'membersWithoutProfile',
  'markGroupLeft',
  'markGroupDissolved',
  'setMyGroupNickname',
  'removeGroupLocally',
  'getSetting',
  'setSetting',
] as const satisfies readonly StoreOperation[];

type Missing = Exclude<StoreOperation, (typeof storeOperations)[number]>;
// A compile-time check: `Missing` must be empty.
export const allOperationsListed: [Missing] extends [never] ? true : Missing = true;
