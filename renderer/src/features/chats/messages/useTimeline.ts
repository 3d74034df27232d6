import { useCallback, useEffect, useRef, useState } from 'react';
import type { Message } from '../../../../../shared/ipc/models';
import { useApi } from '../../../api/apiContext';
import { useErrorText } from '../../../i18n/errorText';
import { useChatStore, useChatStoreApi } from '../../../state/storeContext';

export const FIRST_PAGE = 50;
export const OLDER_PAGE = 100;
const CONTEXT_SPAN = 40;
const NO_MESSAGES: readonly Message[] = [];

export type Timeline = Readonly<{
  messages: readonly Message[];
  /** True once the first page (or the context of a jump) is in. */
  ready: boolean;
  loadingOlder: boolean;
  olderComplete: boolean;
  /** False after a jump into the middle: newer messages exist that are not loaded. */
  newerComplete: boolean;
  /** The message a jump asked for, once its context is loaded. */
  anchorId: string | null;
  loadOlder(): void;
  loadNewer(): void;
  /** Back to the newest page (after a jump). */
  reloadLatest(): Promise<void>;
}>;

/**
 * The loaded part of one conversation's history. Opens on the newest page, or, for a jump, on
 * the messages around one message; older pages come on demand, newer ones after a jump.
 */
export function useTimeline(conversationId: string, jumpTo: string | null): Timeline {
  const api = useApi();
  const store = useChatStoreApi();
  const errorText = useErrorText();
  const messages = useChatStore((s) => s.messages[conversationId] ?? NO_MESSAGES);
  const olderComplete = useChatStore((s) => s.historyComplete[conversationId] ?? false);
  const [ready, setReady] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [newerComplete, setNewerComplete] = useState(true);
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const busy = useRef(false);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;

  const fail = useCallback(
    (error: Parameters<typeof errorText>[0]) => store.getState().toast(errorText(error)),
    [store, errorText],
  );

  const loadLatest = useCallback(async (): Promise<void> => {
    const result = await api.messages.list({ conversationId, limit: FIRST_PAGE });
    if (!result.ok) return fail(result.error);
    store.getState().messagesReplaced(conversationId, result.value);
    if (result.value.length < FIRST_PAGE) store.getState().historyCompleted(conversationId);
    setNewerComplete(true);
  }, [api, conversationId, store, fail]);

  useEffect(() => {
    let current = true;
    setReady(false);
    setAnchorId(null);
    const open = async (): Promise<void> => {
      if (jumpTo) {
        const result = await api.search.context({
          messageId: jumpTo,
          before: CONTEXT_SPAN,
          after: CONTEXT_SPAN,
        });
        if (!current) return;
        if (result.ok && result.value.conversationId === conversationId) {
          store.getState().messagesReplaced(conversationId, result.value.messages);
          if (result.value.anchorIndex < CONTEXT_SPAN) store.getState().historyCompleted(conversationId);
          setNewerComplete(result.value.messages.length - result.value.anchorIndex - 1 < CONTEXT_SPAN);
          setAnchorId(jumpTo);
          setReady(true);
          return;
        }
        if (!result.ok) fail(result.error);
      }
      await loadLatest();
      if (current) setReady(true);
    };
    void open();
    return () => {
      current = false;
    };
  }, [api, conversationId, jumpTo, store, fail, loadLatest]);

  const loadOlder = useCallback((): void => {
    if (busy.current || olderComplete) return;
    const oldest = messagesRef.current.find((m) => m.seq !== null);
    if (!oldest?.seq || oldest.seq <= 1) {
      store.getState().historyCompleted(conversationId);
      return;
    }
    busy.current = true;
    setLoadingOlder(true);
    void api.messages.list({ conversationId, beforeSeq: oldest.seq, limit: OLDER_PAGE }).then((result) => {
      busy.current = false;
      setLoadingOlder(false);
      if (!result.ok) return fail(result.error);
      store.getState().messagesChanged(conversationId, result.value);
      if (result.value.length < OLDER_PAGE) store.getState().historyCompleted(conversationId);
    });
  }, [api, conversationId, olderComplete, store, fail]);

  const loadNewer = useCallback((): void => {
    if (busy.current || newerComplete) return;
    const newest = [...messagesRef.current].reverse().find((m) => m.seq !== null);
    if (!newest?.seq) return;
    busy.current = true;
    void api.search
      .context({ conversationId, seq: newest.seq, before: 0, after: OLDER_PAGE })
      .then((result) => {
        busy.current = false;
        if (!result.ok) return fail(result.error);
        store.getState().messagesChanged(conversationId, result.value.messages);
        if (result.value.messages.length - result.value.anchorIndex - 1 < OLDER_PAGE) setNewerComplete(true);
      });
  }, [api, conversationId, newerComplete, store, fail]);

  return {
    messages,
    ready,
    loadingOlder,
    olderComplete,
    newerComplete,
    anchorId,
    loadOlder,
    loadNewer,
    reloadLatest: loadLatest,
  };
}
