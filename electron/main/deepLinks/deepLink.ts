import { z } from 'zod';
import type { Navigation } from '../../../shared/ipc/channels/app';
import { usernameSchema } from '../../../shared/protocol/http';

export const DEEP_LINK_SCHEME = 'tidings';

/** Longer than any link we make; the OS hands over whatever a web page put in an href. */
const MAX_LENGTH = 1024;

/** Ids as the server makes them (`d:<user>:<user>`, `g:<id>`): never a path, never empty dots. */
const conversationIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:_.-]{0,199}$/);

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The navigation a `tidings://` link asks for, or null for anything else. Links come from any
 * web page or document (the OS passes them on), so this is strict: only
 * `tidings://conversation/<id>` and `tidings://add-friend/<username>`, nothing in user, port,
 * query or fragment, one path segment (a trailing slash tolerated), no dot segments and no
 * whitespace or control characters anywhere (the URL parser would silently fold or drop them),
 * and the decoded value checked against what such ids can be.
 */
export function parseDeepLink(raw: unknown): Navigation | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  // \s covers tabs and newlines, which the WHATWG parser strips inside URLs.
  if (/[\s\p{Cc}]/u.test(raw)) return null;
  // The parser folds "." and ".." segments (also as %2e) into a different path than was written.
  if (raw.split(/[/?#]/).some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.search !== '' || url.hash !== '') {
    return null;
  }
  const segments = url.pathname.split('/');
  // "/value" or "/value/": the leading empty segment, the value, at most one empty one after.
  if (segments[0] !== '' || segments.length < 2 || segments.length > 3) return null;
  if (segments.length === 3 && segments[2] !== '') return null;
  const value = decodeSegment(segments[1] ?? '');
  if (value === null) return null;
  switch (url.host.toLowerCase()) {
    case 'conversation':
      return conversationIdSchema.safeParse(value).success
        ? { kind: 'conversation', conversationId: value }
        : null;
    case 'add-friend':
      return usernameSchema.safeParse(value).success ? { kind: 'addFriend', username: value } : null;
    default:
      return null;
  }
}

/** The link to a conversation (notifications, "copy link"). */
export function conversationLink(conversationId: string): string {
  return `${DEEP_LINK_SCHEME}://conversation/${encodeURIComponent(conversationId)}`;
}

/**
 * The first valid link among command-line arguments: how Windows and Linux hand a clicked link
 * to a new process (and, through the single-instance lock, to the running one). Switches and
 * anything else are ignored.
 */
export function findDeepLink(argv: readonly string[]): Navigation | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const navigation = parseDeepLink(arg);
    if (navigation !== null) return navigation;
  }
  return null;
}

/** What a starting instance hands to the running one with `requestSingleInstanceLock`. */
export type HandOver = Readonly<{ deepLink: string | null }>;

const handOverSchema = z.object({ deepLink: z.string().max(MAX_LENGTH).nullable() });

/** The raw link of this process's command line, to pass on if another instance is running. */
export function handOverFor(argv: readonly string[]): HandOver {
  const link = argv.find(
    (arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`) && parseDeepLink(arg) !== null,
  );
  return { deepLink: link ?? null };
}

/**
 * The navigation a second launch asks for: the link it handed over, else one in its arguments
 * (an older build, or a launch the hand-over missed). Both come from another process, so both
 * are parsed again here.
 */
export function secondInstanceNavigation(
  argv: readonly string[],
  additionalData: unknown,
): Navigation | null {
  const handOver = handOverSchema.safeParse(additionalData);
  if (handOver.success && handOver.data.deepLink !== null) {
    const navigation = parseDeepLink(handOver.data.deepLink);
    if (navigation !== null) return navigation;
  }
  return findDeepLink(argv);
}
