import { fail, ok, type Account, type Result } from '../../../../../shared/ipc';
import { searchChannels } from '../../../../../shared/ipc/channels/search';
import { createSearchHandlers } from '../../../../../electron/core/search/ipc/searchHandlers';
import {
  createQuickSwitcher,
  type QuickSwitcher,
} from '../../../../../electron/core/search/switcher/quickSwitcher';
import { toIpcError } from '../../../../../electron/core/ipc/errorMapping';
import { toConversation, type ConversationRow } from '../../../../../electron/core/store/rows';
import type { SearchFixture } from './searchFixture';

type Dispatch = (channel: string, request: unknown) => Promise<Result<unknown>>;

/**
 * The engine's door for the search channels, as `createDispatch` runs it: the request parsed
 * by the channel's schema, the real handler, the reply checked by the response schema. The
 * few other channels the CLI asks (`auth:current`, `conversations:list`) answer from the
 * fixture's database.
 */
export function searchDispatch(f: SearchFixture, switcher: QuickSwitcher = createQuickSwitcher()): Dispatch {
  const handlers = createSearchHandlers({
    backend: () => Promise.resolve(f.backend),
    switcher: () => Promise.resolve(switcher),
  });
  const conversations = () =>
    f.db.prepare<[], ConversationRow>('SELECT * FROM conversations ORDER BY id').all().map(toConversation);
  return async (channel, request) => {
    try {
      if (channel === 'auth:current') {
        const account: Account = {
          userId: f.me,
          username: 'me',
          displayName: 'Me',
          serverUrl: 'http://127.0.0.1:1',
          mode: 'tidings',
        };
        return ok(account);
      }
      if (channel === 'conversations:list') return ok(conversations());
      if (!Object.hasOwn(searchChannels, channel)) return fail('unknown-channel');
      const c = channel as keyof typeof searchChannels;
      const parsed = searchChannels[c].request.safeParse(request);
      if (!parsed.success) return fail('invalid-request', parsed.error.message);
      const handler = handlers[c] as (r: unknown) => Promise<unknown>;
      const reply = searchChannels[c].response.safeParse(await handler(parsed.data));
      return reply.success ? ok(reply.data) : fail('internal', reply.error.message);
    } catch (error) {
      return { ok: false, error: toIpcError(error) };
    }
  };
}
