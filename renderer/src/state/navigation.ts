import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** The views of the navigation rail, in rail order. */
export const VIEWS = ['chats', 'contacts', 'groups', 'search', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** A request to show one message in its conversation (from a search hit), honoured by the message list. */
export type JumpRequest = Readonly<{ conversationId: string; messageId: string }>;

export type NavigationState = Readonly<{
  view: View;
  /** The open conversation (the chat pane), whatever view is showing. */
  conversationId: string | null;
  /** The right-hand details panel of the open conversation. */
  detailsOpen: boolean;
  /** Set by search; cleared by the message list once it has scrolled to the message. */
  jump: JumpRequest | null;
  /** The quick switcher (Ctrl/Cmd+K) is showing. */
  switcherOpen: boolean;
}>;

export type NavigationActions = Readonly<{
  go(view: View): void;
  /** Shows the chats view with this conversation open; with a message id, scrolled to that message. */
  openConversation(conversationId: string, messageId?: string): void;
  /** Closes the open conversation and its details (e.g. the conversation or friend was deleted). */
  closeConversation(): void;
  setDetailsOpen(open: boolean): void;
  toggleDetails(): void;
  jumpHandled(): void;
  setSwitcherOpen(open: boolean): void;
}>;

export type NavigationStore = StoreApi<NavigationState & NavigationActions>;

/** One store per mounted app, like the chat store, so each test starts from the chats view. */
export function createNavigationStore(initial: Partial<NavigationState> = {}): NavigationStore {
  return createStore<NavigationState & NavigationActions>()((set) => ({
    view: 'chats',
    conversationId: null,
    detailsOpen: false,
    jump: null,
    switcherOpen: false,
    ...initial,
    go: (view) => set({ view }),
    openConversation: (conversationId, messageId) =>
      set({
        view: 'chats',
        conversationId,
        switcherOpen: false,
        jump: messageId ? { conversationId, messageId } : null,
      }),
    closeConversation: () => set({ conversationId: null, detailsOpen: false, jump: null }),
    setDetailsOpen: (detailsOpen) => set({ detailsOpen }),
    toggleDetails: () => set((state) => ({ detailsOpen: !state.detailsOpen })),
    jumpHandled: () => set({ jump: null }),
    setSwitcherOpen: (switcherOpen) => set({ switcherOpen }),
  }));
}

export const NavigationContext = createContext<NavigationStore | null>(null);

export function useNavigationStore(): NavigationStore {
  const store = useContext(NavigationContext);
  if (!store) throw new Error('useNavigation() needs a <NavigationContext> provider above it.');
  return store;
}

/** Selects from the navigation store; selectors must return stable references (zustand 5). */
export function useNavigation<T>(selector: (state: NavigationState & NavigationActions) => T): T {
  return useStore(useNavigationStore(), selector);
}
