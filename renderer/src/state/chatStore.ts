import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Account, Conversation, Message } from '../../../shared/ipc/models';
import { mergeConversations } from './mergeConversations';
import { mergeMessages } from './mergeMessages';

export type ChatState = Readonly<{
  account: Account | null;
  /** Most recently active first. */
  conversations: readonly Conversation[];
  /** Per conversation id, in display order. */
  messages: Readonly<Record<string, readonly Message[]>>;
  selectedId: string | null;
}>;

export type ChatActions = Readonly<{
  signedIn(account: Account | null): void;
  conversationsChanged(conversations: readonly Conversation[]): void;
  messagesChanged(conversationId: string, messages: readonly Message[]): void;
  select(conversationId: string | null): void;
}>;

export type ChatStore = StoreApi<ChatState & ChatActions>;

/** One store per mounted app (not a module singleton), so each test starts from nothing. */
export function createChatStore(): ChatStore {
  return createStore<ChatState & ChatActions>()((set) => ({
    account: null,
    conversations: [],
    messages: {},
    selectedId: null,
    signedIn: (account) => set({ account, conversations: [], messages: {}, selectedId: null }),
    conversationsChanged: (updates) =>
      set((state) => ({ conversations: mergeConversations(state.conversations, updates) })),
    messagesChanged: (conversationId, updates) =>
      set((state) => ({
        messages: {
          ...state.messages,
          [conversationId]: mergeMessages(state.messages[conversationId] ?? [], updates),
        },
      })),
    select: (selectedId) => set({ selectedId }),
  }));
}
