export type Mentionable = Readonly<{ userId: string; name: string; username: string }>;

/** The "@query" being typed just before the caret, if any. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]{0,32})$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Members whose name or username starts with (or contains) the query, best first. */
export function matchMembers(members: readonly Mentionable[], query: string, limit = 8): Mentionable[] {
  const q = query.toLowerCase();
  const starts = members.filter(
    (m) => m.name.toLowerCase().startsWith(q) || m.username.toLowerCase().startsWith(q),
  );
  const contains = members.filter(
    (m) => !starts.includes(m) && (m.name.toLowerCase().includes(q) || m.username.toLowerCase().includes(q)),
  );
  return [...starts, ...contains].slice(0, limit);
}

/** User ids whose "@name" is still in the text when it is sent (a deleted mention is not sent). */
export function mentionsIn(text: string, picked: ReadonlyMap<string, string>): string[] {
  return [...picked].filter(([, name]) => text.includes(`@${name}`)).map(([userId]) => userId);
}
