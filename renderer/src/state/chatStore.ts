import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SearchProgress } from '../../../shared/ipc/channels/search';
import type {
  Account,
  ConnectionState,
  Conversation,
  Message,
  Settings,
  SyncProgress,
} from '../../../shared/ipc/models';
import { mergeConversations } from './mergeConversations';
import { mergeMessages } from './mergeMessages';

/** A short message for the user; `text` is already translated. */
export type Toast = Readonly<{ id: number; text: string; tone: 'error' | 'info' }>;

export type ChatState = Readonly<{
  account: Account | null;
  /** Pinned first, then the most recently active. */
  conversations: readonly Conversation[];
  /** Per conversation id, in display order. */
  messages: Readonly<Record<string, readonly Message[]>>;
  /** Per conversation id: no older messages exist on this device. */
  historyComplete: Readonly<Record<string, boolean>>;
  settings: Settings | null;
  connection: ConnectionState | null;
  sync: SyncProgress | null;
  searchIndex: SearchProgress | null;
  toasts: readonly Toast[];
}>;

export type ChatActions = Readonly<{
  signedIn(account: Account | null): void;
  conversationsChanged(conversations: readonly Conversation[]): void;
  conversationsRemoved(conversationIds: readonly string[]): void;
  messagesChanged(conversationId: string, messages: readonly Message[]): void;
  messagesRemoved(conversationId: string, ids: readonly string[]): void;
  /** Replaces what is loaded for a conversation (e.g. the context around a search hit). */
  messagesReplaced(conversationId: string, messages: readonly Message[]): void;
  historyCompleted(conversationId: string): void;
  settingsChanged(settings: Settings): void;
  connectionChanged(connection: ConnectionState): void;
  syncChanged(sync: SyncProgress): void;
  searchIndexChanged(progress: SearchProgress): void;
  toast(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
}>;

export type ChatStore = StoreApi<ChatState & ChatActions>;

/** One store per mounted app (not a module singleton), so each test starts from nothing. */
export function createChatStore(): ChatStore {
  let nextToast = 1;
  return createStore<ChatState & ChatActions>()((set) => ({
    account: null,
    conversations: [],
    messages: {},
    historyComplete: {},
    settings: null,
    connection: null,
    sync: null,
    searchIndex: null,
    toasts: [],
    signedIn: (account) => set({ account, conversations: [], messages: {}, historyComplete: {} }),
    conversationsChanged: (updates) =>
      set((state) => ({ conversations: mergeConversations(state.conversations, updates) })),
    conversationsRemoved: (ids) =>
      set((state) => {
        const gone = new Set(ids);
        const messages = { ...state.messages };
        for (const id of ids) delete messages[id];
        return { conversations: state.conversations.filter((c) => !gone.has(c.id)), messages };
      }),
    messagesChanged: (conversationId, updates) =>
      set((state) => ({
        messages: {
          ...state.messages,
          [conversationId]: mergeMessages(state.messages[conversationId] ?? [], updates),
        },
      })),
    messagesRemoved: (conversationId, ids) =>
      set((state) => {
        const gone = new Set(ids);
        const current = state.messages[conversationId];
        if (!current) return {};
        return { messages: { ...state.messages, [conversationId]: current.filter((m) => !gone.has(m.id)) } };
      }),
    messagesReplaced: (conversationId, messages) =>
      set((state) => ({
        messages: { ...state.messages, [conversationId]: mergeMessages([], messages) },
        historyComplete: { ...state.historyComplete, [conversationId]: false },
      })),
    historyCompleted: (conversationId) =>
      set((state) => ({ historyComplete: { ...state.historyComplete, [conversationId]: true } })),
    settingsChanged: (settings) => set({ settings }),
    connectionChanged: (connection) => set({ connection }),
    syncChanged: (sync) => set({ sync }),
    searchIndexChanged: (searchIndex) => set({ searchIndex }),
    toast: (text, tone = 'error') =>
      set((state) => ({ toasts: [...state.toasts.slice(-3), { id: nextToast++, text, tone }] })),
    dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  }));
}
