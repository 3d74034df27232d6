import { compareClientVersions, type BroadcastAudience } from '../../shared/protocol';

/** What the audience filters of a published broadcast look at, for one pull. */
export type Viewer = Readonly<{
  userId: string;
  /** The user's last activity before their current login (account creation for a new one); null = unknown. */
  previousActivity: number | null;
  clientVersion: string | null;
}>;

/** Every filter given must hold; none given = everyone. */
export function matchesAudience(audience: BroadcastAudience, viewer: Viewer): boolean {
  if (audience.activeSince !== undefined) {
    if (viewer.previousActivity === null || viewer.previousActivity < audience.activeSince) return false;
  }
  if (audience.minClientVersion !== undefined) {
    if (viewer.clientVersion === null) return false;
    if (compareClientVersions(viewer.clientVersion, audience.minClientVersion) < 0) return false;
  }
  return true;
}
