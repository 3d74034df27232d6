/**
 * What the page (the renderer, or a browser through the development bridge) may not ask even
 * in a valid request. The page never sees a path on this computer: files reach it as bytes
 * it read from a paste or a drop, and downloads land in the downloads folder. A request that
 * names a path therefore did not come from our UI, and obeying it would let a compromised page
 * upload any file the user can read or write into any folder. The CLI, which runs as the user,
 * names paths through its own socket and is not affected.
 */
export function pageMayAsk(channel: string, request: unknown): boolean {
  if (typeof request !== 'object' || request === null) return true;
  const fields = request as Record<string, unknown>;
  if (channel === 'files:send') {
    const source = fields['source'];
    return !(
      typeof source === 'object' &&
      source !== null &&
      (source as Record<string, unknown>)['type'] === 'path'
    );
  }
  if (channel === 'files:download') return fields['dir'] === undefined;
  return true;
}
