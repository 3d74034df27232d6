import type { SearchFilters, SearchHit, SearchProgress } from '../../../../shared/ipc/channels/search';
import type { Message } from '../../../../shared/ipc';

/**
 * What the host asks the search engine, which lives next to the database in the store's
 * worker thread. Plain data both ways, so it crosses `postMessage` unchanged.
 */
export type MessagesRequest = Readonly<{
  query: string;
  asYouType: boolean;
  filters: SearchFilters;
  /** Only hits with a row id below this one (the previous page's last); null for the first page. */
  beforeKey: number | null;
  limit: number;
}>;

export type MessagesPage = Readonly<{
  hits: SearchHit[];
  /** The row id of the last hit, when another page follows. */
  nextKey: number | null;
}>;

export type ContextAnchor =
  Readonly<{ messageId: string }> | Readonly<{ conversationId: string; seq: number }>;

export type ContextRequest = Readonly<{ anchor: ContextAnchor; before: number; after: number }>;

export type ContextWindow = Readonly<{ conversationId: string; messages: Message[]; anchorIndex: number }>;

export type SearchRequest =
  | Readonly<{ op: 'messages'; request: MessagesRequest }>
  | Readonly<{ op: 'context'; request: ContextRequest }>
  | Readonly<{ op: 'rebuild' }>
  | Readonly<{ op: 'status' }>;

export type SearchReply<R extends SearchRequest> = R extends { op: 'messages' }
  ? MessagesPage
  : R extends { op: 'context' }
    ? ContextWindow | null
    : SearchProgress;

/** The host's side: how it reaches the engine (a worker round trip, or a direct call in tests). */
export type SearchBackend = Readonly<{
  messages(request: MessagesRequest): Promise<MessagesPage>;
  /** Null when the anchor message is not stored. */
  context(request: ContextRequest): Promise<ContextWindow | null>;
  rebuild(): Promise<SearchProgress>;
  status(): Promise<SearchProgress>;
}>;
