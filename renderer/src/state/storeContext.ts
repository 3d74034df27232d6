import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ChatActions, ChatState, ChatStore } from './chatStore';

export const StoreContext = createContext<ChatStore | null>(null);

export function useChatStoreApi(): ChatStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useChatStore() needs a <StoreContext> provider above it.');
  return store;
}

/** Selects from the chat store; selectors must return stable references (zustand 5). */
export function useChatStore<T>(selector: (state: ChatState & ChatActions) => T): T {
  return useStore(useChatStoreApi(), selector);
}
