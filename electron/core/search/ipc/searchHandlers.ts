import type { z } from 'zod';
import { IpcFailure } from '../../../../shared/ipc';
import type { searchChannels } from '../../../../shared/ipc/channels/search';
import type { SearchBackend } from '../engine/searchRequests';
import type { QuickSwitcher } from '../switcher/quickSwitcher';
import { decodeCursor, encodeCursor } from './searchCursor';

/**
 * What the search handlers need, and nothing else: the signed-in account's search backend
 * (its store worker) and its quick switcher. Both throw `IpcFailure('not-logged-in')` when
 * there is no session.
 */
export type SearchHandlerContext = Readonly<{
  backend(): Promise<SearchBackend>;
  switcher(): Promise<QuickSwitcher>;
}>;

type SearchChannels = typeof searchChannels;

/** Typed from the channel specs themselves, so this file compiles whether or not the contract lists them yet. */
export type SearchHandlers = {
  readonly [C in keyof SearchChannels]: (
    request: z.output<SearchChannels[C]['request']>,
  ) => Promise<z.output<SearchChannels[C]['response']>>;
};

export function createSearchHandlers(ctx: SearchHandlerContext): SearchHandlers {
  return {
    'search:messages': async ({ query, filters, cursor, limit, asYouType }) => {
      let beforeKey: number | null = null;
      if (cursor !== undefined) {
        beforeKey = decodeCursor(cursor);
        if (beforeKey === null)
          throw new IpcFailure('invalid-request', 'cursor: not a cursor from a previous page');
      }
      const page = await (await ctx.backend()).messages({ query, asYouType, filters, beforeKey, limit });
      return { hits: page.hits, nextCursor: page.nextKey === null ? null : encodeCursor(page.nextKey) };
    },
    'search:context': async (request) => {
      const { before, after } = request;
      const anchor =
        'messageId' in request
          ? { messageId: request.messageId }
          : { conversationId: request.conversationId, seq: request.seq };
      const window = await (await ctx.backend()).context({ anchor, before, after });
      if (window === null) throw new IpcFailure('invalid-request', 'No stored message is at that place.');
      return window;
    },
    'search:rebuild': async () => (await ctx.backend()).rebuild(),
    'search:switcher': async ({ query, limit }) => (await ctx.switcher()).search(query, limit),
  };
}
