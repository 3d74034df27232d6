import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/ipc/channels/search';
import type { GroupMember } from '../../../../shared/ipc/channels/groups';
import { useApi } from '../../api/apiContext';
import { useChatStore } from '../../state/storeContext';
import type { Option } from './SearchFiltersBar';

export type SearchPeople = Readonly<{
  conversationOptions: readonly Option[];
  senderOptions: readonly Option[];
  senderName(hit: SearchHit): string;
}>;

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

/**
 * Names for the filters and the hits: conversations from the chat store, people from the
 * direct conversations' peers and from the members of the groups that show up (fetched once
 * each, only when a group is filtered on or appears in the results).
 */
export function useSearchPeople(
  me: Readonly<{ userId: string; displayName: string }> | null,
  selectedConversationId: string,
  hits: readonly SearchHit[],
): SearchPeople {
  const api = useApi();
  const { t } = useTranslation('search');
  const conversations = useChatStore((s) => s.conversations);
  const [members, setMembers] = useState<Readonly<Record<string, readonly GroupMember[]>>>({});

  const groupOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of conversations) if (c.group) map.set(c.id, c.group.groupId);
    return map;
  }, [conversations]);

  const wanted = useMemo(() => {
    const ids = new Set<string>();
    const selected = groupOf.get(selectedConversationId);
    if (selected) ids.add(selected);
    for (const hit of hits) {
      const groupId = groupOf.get(hit.conversation.id);
      if (groupId) ids.add(groupId);
    }
    return [...ids].sort().join('\n');
  }, [groupOf, selectedConversationId, hits]);

  const requested = useRef(new Set<string>());
  useEffect(() => {
    for (const groupId of wanted.split('\n')) {
      if (groupId === '' || requested.current.has(groupId)) continue;
      requested.current.add(groupId);
      void api.groups.members({ groupId }).then((result) => {
        // A failed lookup is remembered as empty: names fall back, and it is not retried in a loop.
        setMembers((previous) => ({ ...previous, [groupId]: result.ok ? result.value : [] }));
      });
    }
  }, [api, wanted]);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of conversations) if (c.peer) map.set(c.peer.userId, c.peer.displayName);
    for (const list of Object.values(members))
      for (const m of list) map.set(m.userId, m.nickname || m.displayName);
    return map;
  }, [conversations, members]);

  const conversationOptions = useMemo(
    () => conversations.map((c) => ({ value: c.id, label: c.title })).sort(byLabel),
    [conversations],
  );

  const senderOptions = useMemo(() => {
    const selected = conversations.find((c) => c.id === selectedConversationId);
    let people: Option[];
    if (selected?.peer) people = [{ value: selected.peer.userId, label: selected.peer.displayName }];
    else if (selected?.group)
      people = (members[selected.group.groupId] ?? []).map((m) => ({
        value: m.userId,
        label: m.nickname || m.displayName,
      }));
    else
      people = [
        ...new Map(
          conversations.flatMap((c) => (c.peer ? [[c.peer.userId, c.peer.displayName]] : [])),
        ).entries(),
      ].map(([value, label]) => ({ value, label }));
    const others = people.filter((p) => p.value !== me?.userId).sort(byLabel);
    return me ? [{ value: me.userId, label: t('you') }, ...others] : others;
  }, [conversations, members, selectedConversationId, me, t]);

  const senderName = useCallback(
    (hit: SearchHit) =>
      hit.message.outgoing || hit.message.senderId === me?.userId
        ? t('you')
        : (names.get(hit.message.senderId) ??
          (groupOf.has(hit.conversation.id) ? t('someone') : hit.conversation.title)),
    [names, groupOf, me, t],
  );

  return { conversationOptions, senderOptions, senderName };
}
