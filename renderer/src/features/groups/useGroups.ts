import { useCallback, useEffect, useState } from 'react';
import type { Group } from '../../../../shared/ipc/channels/groups';
import type { IpcError } from '../../../../shared/ipc/errors';
import { useApi } from '../../api/apiContext';

export type GroupsState = Readonly<{
  groups: readonly Group[];
  loaded: boolean;
  error: IpcError | null;
}>;

export type Groups = GroupsState &
  Readonly<{
    /** Takes a group an action answered with, before (or instead of) the engine's event. */
    apply(group: Group): void;
  }>;

function upsert(list: readonly Group[], updates: readonly Group[]): Group[] {
  const byId = new Map(list.map((g) => [g.groupId, g]));
  for (const g of updates) byId.set(g.groupId, g);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every group this device knows (left and dissolved ones too), kept live from the engine's events;
 * `refresh` asks the engine to check with the server first.
 */
export function useGroups(options: Readonly<{ refresh?: boolean }> = {}): Groups {
  const api = useApi();
  const refresh = options.refresh ?? false;
  const [state, setState] = useState<GroupsState>({ groups: [], loaded: false, error: null });
  useEffect(() => {
    let current = true;
    const offs = [
      api.groups.onChanged(({ groups }) => setState((s) => ({ ...s, groups: upsert(s.groups, groups) }))),
      api.groups.onRemoved(({ groupIds }) =>
        setState((s) => ({ ...s, groups: s.groups.filter((g) => !groupIds.includes(g.groupId)) })),
      ),
    ];
    // A refresh needs the server; when it cannot be reached, what this device knows still shows.
    void api.groups
      .list({ refresh })
      .then((result) => (result.ok || !refresh ? result : api.groups.list({ refresh: false })))
      .then((result) => {
        if (!current) return;
        setState((s) =>
          result.ok
            ? { groups: upsert(s.groups, result.value), loaded: true, error: null }
            : { ...s, loaded: true, error: result.error },
        );
      });
    return () => {
      current = false;
      for (const off of offs) off();
    };
  }, [api, refresh]);
  const apply = useCallback(
    (group: Group) => setState((s) => ({ ...s, groups: upsert(s.groups, [group]) })),
    [],
  );
  return { ...state, apply };
}
