import type { TidingsApi } from '../../../../shared/ipc/api';
import type { SwitcherEntry } from '../../../../shared/ipc/channels/search';
import { fail, ok, type Result } from '../../../../shared/ipc/errors';
import type { Conversation } from '../../../../shared/ipc/models';

/**
 * The conversation a switcher entry stands for. Most entries carry it; a friend the user never
 * chatted with does not, so the one-to-one conversation is opened (created) by username, and
 * returned so the caller can add it to the list before selecting it.
 */
export async function conversationOfEntry(
  api: TidingsApi,
  entry: SwitcherEntry,
): Promise<Result<Readonly<{ conversationId: string; opened: Conversation | null }>>> {
  if (entry.conversationId !== null) return ok({ conversationId: entry.conversationId, opened: null });
  if (entry.kind === 'group') {
    const groups = await api.groups.list({});
    if (!groups.ok) return groups;
    const group = groups.value.find((g) => g.groupId === entry.id || g.conversationId === entry.id);
    return group
      ? ok({ conversationId: group.conversationId, opened: null })
      : fail('conversation-not-found');
  }
  if (entry.kind === 'contact') {
    const contacts = await api.contacts.list({});
    if (!contacts.ok) return contacts;
    const contact = contacts.value.find((c) => c.userId === entry.id);
    if (!contact) return fail('user-not-found');
    const opened = await api.conversations.open({ username: contact.username });
    return opened.ok ? ok({ conversationId: opened.value.id, opened: opened.value }) : opened;
  }
  return ok({ conversationId: entry.id, opened: null });
}
