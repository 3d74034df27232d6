import type { ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';

/** Two engines on fresh data dirs, registered on the server as alice and bob. */
export async function registerAliceAndBob(
  serverUrl: string,
  newDir: () => string,
): Promise<{ alice: EngineClient; bob: EngineClient }> {
  const alice = createEngineClient(newDir());
  const bob = createEngineClient(newDir());
  await alice.register(serverUrl, 'alice', 'Alice');
  await bob.register(serverUrl, 'bob', 'Bob');
  return { alice, bob };
}

/** Closes the engines, then stops the server; any of them may not have started. */
export async function closeAliceAndBob(
  alice: EngineClient | undefined,
  bob: EngineClient | undefined,
  server: ServerProcess | undefined,
): Promise<void> {
  await alice?.close();
  await bob?.close();
  await server?.stop();
}
