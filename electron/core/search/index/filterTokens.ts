/**
 * Filter values become FTS5 tokens beside the text: a private-use marker (which the tokenizer
 * never lets through from text, so no word can equal a filter token), a letter for the field,
 * and a 53-bit hash of the value in base 36 (one FTS5 token). A hash rather than a
 * numbered label table keeps the tokens free of state, so a rolled-back write can never leave
 * a number behind that a later value reuses. Two values colliding would need ~2^26 distinct
 * conversations or senders in one account.
 */
export type FilterField = 'conversation' | 'sender';

/** Private use (category Co): never in folded text, and a token character for FTS5. */
const MARKER = '\uE001';

const FIELD_LETTER: Readonly<Record<FilterField, string>> = { conversation: 'c', sender: 's' };

export function filterToken(field: FilterField, value: string): string {
  return MARKER + FIELD_LETTER[field] + hash53(value).toString(36);
}

/** The filter tokens of one message. */
export function filterTokens(conversationId: string, senderId: string): string {
  return `${filterToken('conversation', conversationId)} ${filterToken('sender', senderId)}`;
}

/**
 * `filterTokens` with the hashes remembered: a sync batch repeats the same few conversations
 * and senders, and hashing them for every message showed in the ingest profile. Bounded, so a
 * long-lived worker never grows it without limit.
 */
export function createFilterTokenCache(limit = 4096): (conversationId: string, senderId: string) => string {
  const conversations = new Map<string, string>();
  const senders = new Map<string, string>();
  const cached = (map: Map<string, string>, field: FilterField, value: string): string => {
    let token = map.get(value);
    if (token === undefined) {
      if (map.size >= limit) map.clear();
      token = filterToken(field, value);
      map.set(value, token);
    }
    return token;
  };
  return (conversationId, senderId) =>
    `${cached(conversations, 'conversation', conversationId)} ${cached(senders, 'sender', senderId)}`;
}

/** cyrb53 (public domain, bryc): fast, well mixed, 53 bits so it stays an exact JS number. */
function hash53(value: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
