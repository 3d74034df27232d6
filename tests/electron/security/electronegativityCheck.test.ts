import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWLIST_FILE, parseAllowlist } from '../../../scripts/checkElectronegativity.mjs';
import { repoRoot, tempDir } from '../../helpers/serverProcess';

const script = path.join(repoRoot, 'scripts', 'checkElectronegativity.mjs');

type Report = {
  electronVersion: string;
  findings: { id: string; severity: string; file: string }[];
  unscanned: string[];
  verdict: { ok: boolean; failures: { finding: { id: string; severity: string } }[] };
};

/**
 * Runs the check as `npm test` does, in a child process whose every attempt to reach the
 * network (DNS or a socket to anything but loopback) is recorded and refused.
 */
function runCheck(args: string[]): {
  status: number | null;
  output: string;
  report: Report;
  networkAttempts: string[];
} {
  const dir = tempDir('tidings-electronegativity-test-');
  try {
    const attempts = path.join(dir, 'network-attempts.log');
    const guard = path.join(dir, 'no-network.cjs');
    fs.writeFileSync(
      guard,
      `
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const record = (what) => { fs.appendFileSync(${JSON.stringify(attempts)}, what + '\\n'); return new Error('network access in a test: ' + what); };
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  const host = options.host ?? 'localhost';
  if (options.path === undefined && !['127.0.0.1', 'localhost', '::1'].includes(host)) throw record('connect ' + host);
  return connect.apply(this, args);
};
dns.lookup = (host, ...rest) => { const callback = rest.at(-1); process.nextTick(() => callback(record('lookup ' + host))); };
`,
    );
    const report = path.join(dir, 'report.json');
    const result = spawnSync(process.execPath, ['--require', guard, script, '--report', report, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return {
      status: result.status,
      output: `${result.stdout}${result.stderr}`,
      report: JSON.parse(fs.readFileSync(report, 'utf8')) as Report,
      networkAttempts: fs.existsSync(attempts) ? fs.readFileSync(attempts, 'utf8').trim().split('\n') : [],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the electronegativity check', () => {
  it('passes electron/ with the reviewed allowlist, offline, for the installed Electron', () => {
    const { status, output, report, networkAttempts } = runCheck([]);
    expect(networkAttempts).toEqual([]);
    expect(status, output).toBe(0);
    const electron = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'node_modules/electron/package.json'), 'utf8'),
    ) as {
      version: string;
    };
    expect(report.electronVersion).toBe(electron.version);
    expect(report.findings.filter((finding) => finding.severity === 'HIGH')).toEqual([]);
    expect(report.verdict.ok).toBe(true);
  });

  it('fails an insecure window, whatever electronegativity exits with', () => {
    const fixture = tempDir('tidings-electronegativity-fixture-');
    try {
      fs.writeFileSync(
        path.join(fixture, 'main.js'),
        "const { BrowserWindow } = require('electron');\n" +
          'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
      );
      fs.writeFileSync(path.join(fixture, 'helper.mjs'), 'export {};\n');
      const allowlist = path.join(fixture, 'allowlist.json');
      fs.writeFileSync(allowlist, JSON.stringify({ entries: [] }));
      const { status, output, report, networkAttempts } = runCheck([
        '--input',
        fixture,
        '--allowlist',
        allowlist,
      ]);
      expect(networkAttempts).toEqual([]);
      expect(status, output).toBe(1);
      expect(report.verdict.failures.map(({ finding }) => `${finding.severity} ${finding.id}`)).toContain(
        'HIGH CONTEXT_ISOLATION_JS_CHECK',
      );
      expect(report.unscanned).toEqual(['helper.mjs']);
      expect(output).toContain('FAIL');
    } finally {
      fs.rmSync(fixture, { recursive: true, force: true });
    }
  });

  it('keeps a reviewed reason for every entry of the real allowlist', () => {
    const entries = parseAllowlist(JSON.parse(fs.readFileSync(path.join(repoRoot, ALLOWLIST_FILE), 'utf8')));
    expect(entries.map((entry) => `${entry.id} ${entry.file}`).sort()).toEqual([
      'OPEN_EXTERNAL_JS_CHECK main/ipc/shellHandlers.ts',
      'OPEN_EXTERNAL_JS_CHECK main/security/webContents.ts',
      'OPEN_EXTERNAL_JS_CHECK main/system/desktopOpeners.ts',
      'PRELOAD_JS_CHECK main/window/mainWindow.ts',
      'PROTOCOL_HANDLER_JS_CHECK main/main.ts',
    ]);
  });
});
