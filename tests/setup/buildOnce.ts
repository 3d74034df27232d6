// Vitest global setup: compile the Node-side bundles once, so tests start the real server,
// CLI and bridge as a user would run them (plain `node dist/...`).
export default async function setup(): Promise<void> {
  const { buildNode } = (await import('../../scripts/build.mjs')) as { buildNode: () => Promise<void> };
  await buildNode();
}
