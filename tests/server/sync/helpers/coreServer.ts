import { randomBytes } from 'node:crypto';
import { startServer, type ServerProcess } from '../../../helpers/serverProcess';
import { configArgs } from '../../helpers/serverFiles';

export const ADMIN_TOKEN = 'core-tests-admin-token-0123456789';

export type Account = Readonly<{ userId: string; token: string; username: string }>;

/** Starts the real server with an admin token (for fast provisioning) and `config` as its --config file. */
export function startCoreServer(
  config: Readonly<Record<string, unknown>> = {},
  options: Readonly<{ dataDir?: string; port?: number; logLevel?: string }> = {},
): Promise<ServerProcess> {
  return startServer({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.port ? { port: options.port } : {}),
    args: [
      '--admin-token',
      ADMIN_TOKEN,
      ...(options.logLevel ? ['--log-level', options.logLevel] : []),
      ...configArgs(config),
    ],
  });
}

/** Creates users through the admin API (no password hashing) and returns their access tokens. */
export async function provision(baseUrl: string, count: number, prefix = 'u'): Promise<Account[]> {
  const users = Array.from({ length: count }, (_, i) => ({
    username: `${prefix}${i}_${randomBytes(4).toString('hex')}`,
    displayName: `${prefix} ${i}`,
  }));
  const response = await fetch(`${baseUrl}/api/admin/users/bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ users }),
  });
  if (response.status !== 200)
    throw new Error(`provisioning failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Account[];
}

/** Two fresh users. */
export async function pair(baseUrl: string): Promise<[Account, Account]> {
  const [a, b] = await provision(baseUrl, 2, 'p');
  if (!a || !b) throw new Error('provisioning returned too few users');
  return [a, b];
}

/** An admin API call (kick, disable). */
export async function admin(
  baseUrl: string,
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}
