import type { TidingsApi } from '../../../shared/ipc';
import type { Group, GroupMember } from '../../../shared/ipc/channels/groups';
import { CliError } from '../cliError';
import { requireAccount, waitForConnection } from '../engineWaits';
import { printJson, printLine, unwrap } from '../output';

export const GROUP_USAGE = `group create <name> [username…] | invite <group> <username…> | kick <group> <user>
        | quit <group> | dissolve <group> | rename <group> <name> | notice <group> <text>
        | members <group> [--json] | list [--json]     (<group>: its name or id)`;

export type GroupCliRequest =
  | Readonly<{ action: 'create'; name: string; members: string[] }>
  | Readonly<{ action: 'invite'; group: string; users: string[] }>
  | Readonly<{ action: 'kick'; group: string; user: string }>
  | Readonly<{ action: 'quit' | 'dissolve' | 'members'; group: string }>
  | Readonly<{ action: 'rename'; group: string; name: string }>
  | Readonly<{ action: 'notice'; group: string; text: string }>
  | Readonly<{ action: 'list' }>;

/** A mistake in a `group` command line; the caller turns it into its usage error. */
export class GroupUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GroupUsageError';
  }
}

const need = (value: string | undefined, what: string): string => {
  if (value === undefined || value.trim() === '') throw new GroupUsageError(`${what} is required`);
  return value;
};

/** Parses what follows `tidings group`. */
export function parseGroupArgs(args: readonly string[]): GroupCliRequest {
  const [action, ...rest] = args;
  const exactly = (count: number): void => {
    if (rest.length > count) throw new GroupUsageError(`unexpected argument "${rest[count] ?? ''}"`);
  };
  switch (action) {
    case 'create':
      return { action, name: need(rest[0], '<name>'), members: rest.slice(1) };
    case 'invite':
      need(rest[1], '<username>');
      return { action, group: need(rest[0], '<group>'), users: rest.slice(1) };
    case 'kick':
      exactly(2);
      return { action, group: need(rest[0], '<group>'), user: need(rest[1], '<user>') };
    case 'quit':
    case 'dissolve':
    case 'members':
      exactly(1);
      return { action, group: need(rest[0], '<group>') };
    case 'rename':
      exactly(2);
      return { action, group: need(rest[0], '<group>'), name: need(rest[1], '<name>') };
    case 'notice':
      exactly(2);
      return { action, group: need(rest[0], '<group>'), text: rest[1] ?? '' };
    case 'list':
      exactly(0);
      return { action };
    case undefined:
      throw new GroupUsageError(
        'group needs an action: create, invite, kick, quit, dissolve, rename, notice, members or list',
      );
    default:
      throw new GroupUsageError(`unknown group action "${action}"`);
  }
}

const matches = (group: Group, ref: string): boolean => group.groupId === ref || group.conversationId === ref;

/** The one group `ref` names (id, `g:` id, or name), else null; several with that name is an error. */
function pick(groups: readonly Group[], ref: string): Group | null {
  const byId = groups.find((g) => matches(g, ref));
  if (byId) return byId;
  const named = groups.filter((g) => g.name === ref);
  // A name reused after leaving a group: the current one is meant.
  const current = named.filter((g) => g.state === 'member');
  const candidates = current.length > 0 ? current : named;
  if (candidates.length > 1)
    throw new CliError(
      `Several groups are named "${ref}" (ids ${candidates.map((g) => g.groupId).join(', ')}): use the id.`,
    );
  return candidates[0] ?? null;
}

/** The group `ref` names among those this device already knows (no server call). */
export async function localGroup(api: TidingsApi, ref: string): Promise<Group | null> {
  return pick(unwrap(await api.groups.list({})), ref);
}

/**
 * The group a command names, from this device's list; when it is not there, the server's list
 * once connected (a device new to the account learns its groups that way). Null: no such group.
 */
export async function findGroup(api: TidingsApi, ref: string, timeoutMs: number): Promise<Group | null> {
  const local = await localGroup(api, ref);
  if (local) return local;
  const state = await waitForConnection(api, timeoutMs);
  if (state.status !== 'online') return null;
  return pick(unwrap(await api.groups.list({ refresh: true })), ref);
}

async function requireGroup(api: TidingsApi, ref: string, timeoutMs: number): Promise<Group> {
  const group = await findGroup(api, ref, timeoutMs);
  if (!group) throw new CliError(`No group named "${ref}" (see tidings group list).`);
  return group;
}

/** Changes go to the server: wait for the link (a clear error when it does not come). */
async function online(api: TidingsApi, timeoutMs: number): Promise<void> {
  const state = await waitForConnection(api, timeoutMs);
  if (state.status === 'basic')
    throw new CliError('This server runs in basic mode: groups are not available.');
  if (state.status !== 'online')
    throw new CliError(`Not connected to the server (${state.status}); try again.`);
}

async function memberId(api: TidingsApi, group: Group, user: string): Promise<string> {
  const members = unwrap(await api.groups.members({ groupId: group.groupId }));
  const member = members.find((m) => m.userId === user || m.username === user);
  if (!member) throw new CliError(`"${user}" is not a member of ${group.name}.`);
  return member.userId;
}

function describe(group: Group): string {
  const standing = group.state === 'member' ? (group.myRole ?? 'member') : group.state;
  return `${group.groupId}\t${group.name}\t${group.memberCount} members\t${standing}`;
}

function describeMember(member: GroupMember): string {
  const nickname = member.nickname ? `\t"${member.nickname}"` : '';
  return `${member.username}\t${member.displayName}\t${member.role}${nickname}`;
}

/** `tidings group …`: one group action, answered once the server has applied it. */
export async function runGroup(
  api: TidingsApi,
  request: GroupCliRequest,
  options: Readonly<{ json: boolean; timeoutMs: number }>,
): Promise<number> {
  await requireAccount(api);
  const { json, timeoutMs } = options;
  const done = (group: Group, line: string): number => {
    if (json) printJson(group);
    else printLine(line);
    return 0;
  };
  if (request.action === 'list') {
    const state = await waitForConnection(api, timeoutMs);
    const groups = unwrap(await api.groups.list({ refresh: state.status === 'online' }));
    if (json) printJson(groups);
    else for (const group of groups) printLine(describe(group));
    return 0;
  }
  if (request.action === 'create') {
    await online(api, timeoutMs);
    const { group } = unwrap(await api.groups.create({ name: request.name, usernames: request.members }));
    return done(group, `created group ${group.groupId} "${group.name}" (${group.memberCount} members)`);
  }
  const group = await requireGroup(api, request.group, timeoutMs);
  const groupId = group.groupId;
  switch (request.action) {
    case 'members': {
      await waitForConnection(api, timeoutMs);
      const members = unwrap(await api.groups.members({ groupId }));
      if (json) printJson(members);
      else for (const member of members) printLine(describeMember(member));
      return 0;
    }
    case 'invite':
      await online(api, timeoutMs);
      return done(
        unwrap(await api.groups.invite({ groupId, usernames: request.users })),
        `invited ${request.users.join(', ')} to ${group.name}`,
      );
    case 'kick': {
      await online(api, timeoutMs);
      const userId = await memberId(api, group, request.user);
      return done(
        unwrap(await api.groups.kick({ groupId, userId })),
        `removed ${request.user} from ${group.name}`,
      );
    }
    case 'quit':
      await online(api, timeoutMs);
      return done(unwrap(await api.groups.quit({ groupId })), `left ${group.name}`);
    case 'dissolve':
      await online(api, timeoutMs);
      return done(unwrap(await api.groups.dissolve({ groupId })), `dissolved ${group.name}`);
    case 'rename':
      await online(api, timeoutMs);
      return done(
        unwrap(await api.groups.rename({ groupId, name: request.name })),
        `renamed to ${request.name}`,
      );
    case 'notice':
      await online(api, timeoutMs);
      return done(
        unwrap(await api.groups.setNotice({ groupId, notice: request.text })),
        `notice set for ${group.name}`,
      );
  }
}
