#!/usr/bin/env node
// Server benchmark: runs the same scenarios against a bare `ws` relay (the baseline, no
// persistence) and against the Tidings server, in one run on one machine, and writes
// bench/server/results/<stamp>.json and results/latest.md with our figures as ratios.
//
//   node bench/server/run.mjs [--connections 19000] [--pairs 200] [--window 20] [--seconds 10] [--rate 2000]
//     [--only connections|saturation|fixedRate] [--targets baseline,tidings] [--profile DIR] [--scratch]
//     [--server-root DIR]
//
// --profile DIR runs the Tidings server with `node --cpu-prof` and leaves its .cpuprofile in DIR.
//
// A benchmark is never a test: nothing here asserts; it measures and records, with the machine's load.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, machineLoad, rssBytes } from './procStats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce(
      (pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs),
      [],
    ),
);
const options = {
  connections: Number(args.connections ?? 19_000),
  pairs: Number(args.pairs ?? 200),
  window: Number(args.window ?? 20),
  seconds: Number(args.seconds ?? 10),
  rate: Number(args.rate ?? 2000),
  only: args.only ?? null,
  targets: (args.targets ?? 'baseline,tidings').split(','),
  profile: args.profile ?? null,
  // A trial run while iterating: print the table, record nothing in results/.
  scratch: 'scratch' in args,
  // Another checkout's server (e.g. an older commit, for a before/after under the same load).
  serverRoot: args['server-root'] ? path.resolve(args['server-root']) : root,
};
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

function waitForLine(child, pattern) {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
  });
}

async function startTarget(kind) {
  if (kind === 'baseline') {
    const child = spawn(process.execPath, [path.join(here, 'baselineRelay.mjs'), '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await waitForLine(child, /listening on (http:\/\/\S+)/);
    return { kind, child, url };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-bench-'));
  const config = path.join(dataDir, 'bench-config.json');
  fs.writeFileSync(config, JSON.stringify({ logLevel: 'warn' }));
  const child = spawn(
    process.execPath,
    [
      ...(options.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(options.profile)] : []),
      serverBundle,
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--admin-token',
      ADMIN_TOKEN,
      '--config',
      config,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await waitForLine(child, /listening on (https?:\/\/\S+)/);
  return { kind, child, url, dataDir };
}

async function provision(target, count, prefix) {
  if (target.kind === 'baseline') {
    return Array.from({ length: count }, (_, i) => ({ userId: `${prefix}${i}`, token: 'any' }));
  }
  const users = [];
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
      username: `${prefix}${start + i}`,
      displayName: `Bench ${start + i}`,
    }));
    const response = await fetch(`${target.url}/api/admin/users/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ users: batch }),
    });
    if (!response.ok) throw new Error(`provisioning failed: ${response.status} ${await response.text()}`);
    const body = await response.json();
    const created = Array.isArray(body) ? body : body.users;
    users.push(...created.map((u) => ({ userId: u.userId, token: u.token })));
  }
  return users;
}

/** Runs one loadgen scenario in its own process; samples the server between its events. */
function runScenario(target, scenario) {
  // Thousands of users do not fit in argv: the scenario travels in a file.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-loadgen-')), 'scenario.json');
  fs.writeFileSync(file, JSON.stringify(scenario));
  const child = spawn(process.execPath, [path.join(here, 'loadgen.mjs'), file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pid = target.child.pid;
  const samples = {};
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const message = JSON.parse(line);
      if (message.event === 'connected') {
        samples.rssConnected = rssBytes(pid);
        samples.held = message.held;
        child.stdin.write('go\n');
      } else if (message.event === 'start') {
        samples.cpuStart = cpuSeconds(pid);
        samples.loadgenCpuStart = cpuSeconds(child.pid);
        samples.wallStart = performance.now();
      } else if (message.event === 'stop') {
        samples.cpuStop = cpuSeconds(pid);
        samples.loadgenCpuStop = cpuSeconds(child.pid);
        samples.wallStop = performance.now();
      } else if (message.event === 'result') {
        resolve({ result: message.result, samples });
      }
    });
    child.once(
      'exit',
      (code) => code !== 0 && reject(new Error(`loadgen ${scenario.name} exited with ${code}`)),
    );
  });
}

async function benchTarget(kind) {
  const target = await startTarget(kind);
  const wsUrl = `${target.url.replace(/^http/, 'ws')}/websocket`;
  const tidings = kind === 'tidings';
  const figures = { load: machineLoad() };
  try {
    if (!options.only || options.only === 'connections') {
      const users = await provision(target, options.connections, 'conn');
      const rssBefore = rssBytes(target.child.pid);
      const { result, samples } = await runScenario(target, {
        name: 'connections',
        wsUrl,
        users,
        tidings,
        concurrency: 200,
      });
      figures.connections = {
        ...result,
        serverRssBeforeMB: rssBefore / 2 ** 20,
        serverRssConnectedMB: samples.rssConnected / 2 ** 20,
        bytesPerConnection: (samples.rssConnected - rssBefore) / Math.max(1, samples.held),
      };
    }
    const pairUsers = await provision(target, options.pairs * 2, 'pair');
    for (const name of ['saturation', 'fixedRate']) {
      if (options.only && options.only !== name) continue;
      const { result, samples } = await runScenario(target, {
        name,
        wsUrl,
        users: pairUsers,
        tidings,
        window: options.window,
        rate: options.rate,
        durationMs: options.seconds * 1000,
      });
      const cpu = samples.cpuStop - samples.cpuStart;
      const wall = (samples.wallStop - samples.wallStart) / 1000;
      figures[name] = {
        ...result,
        serverCores: cpu / wall,
        // Messages delivered inside the measured window (not those drained after it).
        serverCpuMsPerMessage: (cpu * 1000) / Math.max(1, result.deliveredPerSecond * wall),
        // The load generator shares the cores: what it used bounds what the server could have had.
        loadgenCores: (samples.loadgenCpuStop - samples.loadgenCpuStart) / wall,
      };
    }
    figures.loadAfter = machineLoad();
  } finally {
    // Wait for the exit: a profiled server writes its profile then, and the data dir goes after.
    const exited = new Promise((resolve) => target.child.once('exit', resolve));
    target.child.kill('SIGTERM');
    await exited;
    if (target.dataDir) fs.rmSync(target.dataDir, { recursive: true, force: true });
  }
  return figures;
}

/**
 * Bundles the server alone, as scripts/build.mjs does, into a folder of this run: the shared
 * dist/ is rebuilt by every test run in the tree, and other entries' errors must not stop us.
 */
async function buildServer() {
  const { build } = await import('esbuild');
  // Inside the tree, so the bundle's bare imports resolve from node_modules.
  const outfile = path.join(root, 'node_modules/.cache/tidings-bench', String(process.pid), 'main.mjs');
  await build({
    absWorkingDir: options.serverRoot,
    entryPoints: ['server/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __tidingsCreateRequire } from 'node:module'; const require = __tidingsCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}

const serverBundle = await buildServer();
const startedAt = new Date();
const baseline = options.targets.includes('baseline')
  ? await benchTarget('baseline')
  : { load: machineLoad() };
const tidings = options.targets.includes('tidings') ? await benchTarget('tidings') : {};
fs.rmSync(path.dirname(serverBundle), { recursive: true, force: true });

const ratio = (ours, theirs) =>
  typeof ours === 'number' && typeof theirs === 'number' && theirs !== 0 ? ours / theirs : null;
const fmt = (value, digits = 2) =>
  typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
const rows = [
  ['logins/s', tidings.connections?.loginsPerSecond, baseline.connections?.loginsPerSecond, '—'],
  ['connections held', tidings.connections?.held, baseline.connections?.held, '19,000'],
  [
    'KB per connection (server RSS)',
    tidings.connections?.bytesPerConnection / 1024,
    baseline.connections?.bytesPerConnection / 1024,
    '≤ 20',
  ],
  [
    'delivered msg/s at saturation',
    tidings.saturation?.deliveredPerSecond,
    baseline.saturation?.deliveredPerSecond,
    '≥ 15,000',
  ],
  ['server cores used at saturation', tidings.saturation?.serverCores, baseline.saturation?.serverCores, '—'],
  [
    'load generator cores at saturation',
    tidings.saturation?.loadgenCores,
    baseline.saturation?.loadgenCores,
    '—',
  ],
  [
    'server CPU ms per message (saturation)',
    tidings.saturation?.serverCpuMsPerMessage,
    baseline.saturation?.serverCpuMsPerMessage,
    '≤ 0.15',
  ],
  [
    `server CPU ms per message at ${options.rate}/s`,
    tidings.fixedRate?.serverCpuMsPerMessage,
    baseline.fixedRate?.serverCpuMsPerMessage,
    '—',
  ],
  [
    `e2e latency p50 ms at ${options.rate}/s`,
    tidings.fixedRate?.latencyMs.p50,
    baseline.fixedRate?.latencyMs.p50,
    '—',
  ],
  [
    `e2e latency p99 ms at ${options.rate}/s`,
    tidings.fixedRate?.latencyMs.p99,
    baseline.fixedRate?.latencyMs.p99,
    '≤ 5',
  ],
  [
    `ACK RTT p50 ms at ${options.rate}/s`,
    tidings.fixedRate?.ackRttMs.p50,
    baseline.fixedRate?.ackRttMs.p50,
    '—',
  ],
  [
    `ACK RTT p99 ms at ${options.rate}/s`,
    tidings.fixedRate?.ackRttMs.p99,
    baseline.fixedRate?.ackRttMs.p99,
    '—',
  ],
  [
    'duplicates (saturation + fixed rate)',
    (tidings.saturation?.duplicates ?? 0) + (tidings.fixedRate?.duplicates ?? 0),
    (baseline.saturation?.duplicates ?? 0) + (baseline.fixedRate?.duplicates ?? 0),
    '0',
  ],
  [
    'lost after ACK (saturation + fixed rate)',
    (tidings.saturation?.lostAfterAck ?? 0) + (tidings.fixedRate?.lostAfterAck ?? 0),
    (baseline.saturation?.lostAfterAck ?? 0) + (baseline.fixedRate?.lostAfterAck ?? 0),
    '0',
  ],
];
const command = `node bench/server/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
const markdown = [
  `# Server benchmark — ${startedAt.toISOString()}`,
  '',
  `Command: \`${command}\` (options: ${JSON.stringify(options)})`,
  `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load before (1/5/15 min): ${fmt(baseline.load.loadavg1)} / ${fmt(baseline.load.loadavg5)} / ${fmt(baseline.load.loadavg15)}; after: ${fmt(tidings.loadAfter?.loadavg1)}.`,
  'The load generator runs on the same 2 cores as the server. Baseline: a bare `ws` relay, no persistence (bench/server/baselineRelay.mjs).',
  '',
  '| figure | Tidings (persisted) | baseline relay | ratio | target |',
  '|---|---|---|---|---|',
  ...rows.map(
    ([name, ours, theirs, target]) =>
      `| ${name} | ${fmt(ours)} | ${fmt(theirs)} | ${fmt(ratio(ours, theirs))} | ${target} |`,
  ),
  '',
].join('\n');
if (options.scratch) {
  process.stdout.write(markdown);
  process.exit(0);
}
const results = path.join(here, 'results');
fs.mkdirSync(results, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
fs.writeFileSync(
  path.join(results, `${stamp}.json`),
  JSON.stringify({ command, options, startedAt, baseline, tidings }, null, 2) + '\n',
);
fs.writeFileSync(path.join(results, 'latest.md'), markdown);
process.stdout.write(markdown);
