import FlexSearch from 'flexsearch';
import type { Conversation } from '../../../../shared/ipc';
import type { SwitcherEntry } from '../../../../shared/ipc/channels/search';
import { foldName, pinyinKeys, queryAsPinyin } from './nameKeys';

export type SwitcherKind = SwitcherEntry['kind'];

/** What the engine tells the switcher about one person, group or conversation. */
export type SwitcherItem = Readonly<{
  kind: SwitcherKind;
  id: string;
  title: string;
  username?: string | null;
  remark?: string | null;
  conversationId?: string | null;
  lastActiveAt?: number | null;
  /** The name came from the contact list (it outranks a conversation's view of the peer). */
  fromContact?: boolean;
}>;

type Entry = {
  item: SwitcherItem;
  /** Folded display name, username, remark and the pinyin forms of the names. */
  keys: string[];
  lastActiveAt: number | null;
};

/** Below this many characters a fuzzy (typo-tolerant) match is noise, not help. */
const FUZZY_MIN_LENGTH = 3;
/** How many candidates FlexSearch returns before they are ranked. */
const CANDIDATES = 500;

/**
 * The quick switcher's in-memory index: FlexSearch (full-substring tokens, the LatinExtra
 * phonetic encoder for typos) over names, usernames, remarks, full pinyin and pinyin
 * initials. Results rank by how they matched (a key starting with the query, containing it,
 * then typo-tolerant only) and then by recent activity.
 */
export function createQuickSwitcher() {
  const index = new FlexSearch.Index({ tokenize: 'full', encoder: FlexSearch.Charset.LatinExtra });
  const entries = new Map<number, Entry>();
  const numberOf = new Map<string, number>();
  /** Conversations whose activity arrived before their person or group did. */
  const activity = new Map<string, number>();
  let next = 1;

  const keyOf = (kind: SwitcherKind, id: string) => `${kind}:${id}`;

  function upsert(item: SwitcherItem): void {
    const key = keyOf(item.kind, item.id);
    let n = numberOf.get(key);
    const previous = n === undefined ? undefined : entries.get(n);
    if (n === undefined) {
      n = next++;
      numberOf.set(key, n);
    }
    const merged: SwitcherItem = {
      ...item,
      conversationId: item.conversationId ?? previous?.item.conversationId ?? null,
      fromContact: item.fromContact ?? previous?.item.fromContact ?? false,
    };
    const person = item.kind === 'contact';
    const names = [merged.title, merged.remark ?? ''].filter((s) => s !== '');
    const keys = [
      ...names.map(foldName),
      ...(merged.username ? [foldName(merged.username)] : []),
      ...names.flatMap((name) => pinyinKeys(name, person)),
    ];
    const seen = merged.conversationId ? activity.get(merged.conversationId) : undefined;
    const lastActiveAt = maxOf(merged.lastActiveAt ?? null, previous?.lastActiveAt ?? null, seen ?? null);
    entries.set(n, { item: merged, keys, lastActiveAt });
    index.update(n, keys.join(' '));
  }

  function remove(kind: SwitcherKind, id: string): void {
    const n = numberOf.get(keyOf(kind, id));
    if (n === undefined) return;
    numberOf.delete(keyOf(kind, id));
    entries.delete(n);
    index.remove(n);
  }

  function search(query: string, limit: number): SwitcherEntry[] {
    const q = foldName(query);
    if (q === '')
      return ranked(
        [...entries.values()].map((entry) => ({ entry, tier: 0 })),
        limit,
      );
    const forms = [q, queryAsPinyin(q)].filter((f): f is string => f !== null && f !== '');
    const candidates = new Set<number>();
    for (const form of forms) {
      for (const id of index.search(form, { limit: CANDIDATES, suggest: true })) candidates.add(Number(id));
    }
    // Exact substring matches FlexSearch's encoder might fold away (digits, symbols) still count.
    if (candidates.size < limit) {
      for (const [n, entry] of entries)
        if (entry.keys.some((k) => forms.some((f) => k.includes(f)))) candidates.add(n);
    }
    const scored: { entry: Entry; tier: number }[] = [];
    for (const n of candidates) {
      const entry = entries.get(n);
      if (entry === undefined) continue;
      const tier = tierOf(entry.keys, forms);
      if (tier < 2 || q.length >= FUZZY_MIN_LENGTH) scored.push({ entry, tier });
    }
    return ranked(scored, limit);
  }

  return Object.freeze({
    upsert,
    remove,
    search,
    upsertContact(
      contact: Readonly<{ userId: string; username: string; displayName: string; remark?: string | null }>,
    ) {
      upsert({
        kind: 'contact',
        id: contact.userId,
        title: contact.displayName,
        username: contact.username,
        remark: contact.remark ?? null,
        fromContact: true,
      });
    },
    removeContact: (userId: string) => remove('contact', userId),
    upsertGroup(
      group: Readonly<{ id: string; name: string; remark?: string | null; lastActiveAt?: number | null }>,
    ) {
      upsert({
        kind: 'group',
        id: group.id,
        title: group.name,
        remark: group.remark ?? null,
        conversationId: group.id,
        lastActiveAt: group.lastActiveAt ?? null,
      });
    },
    removeGroup: (groupId: string) => remove('group', groupId),
    /** A direct conversation joins its peer's entry; any other is an entry of its own. */
    upsertConversation(conversation: Conversation) {
      const at = conversation.lastMessage?.sentAt ?? conversation.updatedAt;
      const peer = conversation.peer;
      const existing = entries.get(numberOf.get(keyOf('contact', peer?.userId ?? '')) ?? -1);
      if (peer !== null) {
        upsert({
          kind: 'contact',
          id: peer.userId,
          // A contact's own name wins; otherwise the conversation's newest word on the peer,
          // which replaces the user id shown until the profile arrived.
          title: existing?.item.fromContact === true ? existing.item.title : peer.displayName,
          username: peer.username,
          remark: existing?.item.remark ?? null,
          conversationId: conversation.id,
          lastActiveAt: at,
        });
        return;
      }
      const group = entries.get(numberOf.get(keyOf('group', conversation.id)) ?? -1);
      if (group !== undefined) upsert({ ...group.item, lastActiveAt: at });
      else
        upsert({
          kind: 'conversation',
          id: conversation.id,
          title: conversation.title,
          conversationId: conversation.id,
          lastActiveAt: at,
        });
    },
    /** A message in a conversation: whoever it belongs to moves up. */
    noteActivity(conversationId: string, at: number) {
      activity.set(conversationId, Math.max(activity.get(conversationId) ?? 0, at));
      for (const entry of entries.values()) {
        if (entry.item.conversationId === conversationId) entry.lastActiveAt = maxOf(entry.lastActiveAt, at);
      }
    },
    get size() {
      return entries.size;
    },
  });
}

export type QuickSwitcher = ReturnType<typeof createQuickSwitcher>;

/** 0: a key (or a word of it) starts with the query; 1: a key contains it; 2: only a fuzzy match. */
function tierOf(keys: readonly string[], forms: readonly string[]): number {
  let tier = 2;
  for (const key of keys) {
    for (const form of forms) {
      if (key.startsWith(form) || key.split(' ').some((word) => word.startsWith(form))) return 0;
      if (key.includes(form)) tier = 1;
    }
  }
  return tier;
}

function ranked(scored: { entry: Entry; tier: number }[], limit: number): SwitcherEntry[] {
  scored.sort(
    (a, b) =>
      a.tier - b.tier ||
      (b.entry.lastActiveAt ?? -1) - (a.entry.lastActiveAt ?? -1) ||
      a.entry.item.title.localeCompare(b.entry.item.title),
  );
  return scored.slice(0, limit).map(({ entry }) => ({
    kind: entry.item.kind,
    id: entry.item.id,
    title: entry.item.title,
    subtitle: entry.item.remark || entry.item.username || null,
    conversationId: entry.item.conversationId ?? null,
    lastActiveAt: entry.lastActiveAt,
  }));
}

function maxOf(...values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.max(...present);
}
