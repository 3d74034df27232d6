import type { SearchHit } from '../../../../shared/ipc/channels/search';

export type HitGroup = Readonly<{
  conversation: SearchHit['conversation'];
  hits: readonly SearchHit[];
}>;

/**
 * Hits grouped by conversation. Groups keep the order in which their first hit arrived (the
 * engine answers newest first), so a page loaded later adds to existing groups and appends
 * new ones below instead of reshuffling what the user is looking at.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<string, { conversation: SearchHit['conversation']; hits: SearchHit[] }>();
  for (const hit of hits) {
    const group = groups.get(hit.conversation.id);
    if (group) group.hits.push(hit);
    else groups.set(hit.conversation.id, { conversation: hit.conversation, hits: [hit] });
  }
  return [...groups.values()];
}
