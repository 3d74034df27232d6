#!/usr/bin/env node
// The electronegativity check of `npm test`: runs Doyensec's electronegativity over electron/
// for the installed Electron version and fails on any HIGH finding, on any MEDIUM finding that
// the reviewed allowlist (build/electronegativity-allowlist.json, a reason per entry) does not
// cover, on allowlist entries that no longer match anything, and on files it could not parse.
// electronegativity itself exits 0 whatever it finds, so its findings are read and judged here.
//
// Offline and fast: electronegativity is run through its API in this process. Its CLI fetches
// translations from S3 at start and one global check downloads Electron's release list from
// GitHub; the `got` HTTP client is replaced by one that answers nothing, and that release check
// (which judges Electron's age, not our code; npm outdated covers it) is left out.
//
// Usage: node scripts/checkElectronegativity.mjs [--report <file.json>] [--input <dir>] [--allowlist <file>]
// The JSON report (findings and verdicts) goes to --report, or to a temporary file. --input and
// --allowlist (default: electron/ and the reviewed list) let the tests scan fixtures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const SCAN_DIR = 'electron';
export const ALLOWLIST_FILE = path.join('build', 'electronegativity-allowlist.json');
/** Needs the network and judges Electron's release age, not our code. */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
/** Extensions electronegativity reads; sources with any other extension would escape the scan. */
const SCANNED_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const SOURCE_EXTENSIONS = new Set([...SCANNED_EXTENSIONS, '.mjs', '.cjs', '.mts', '.cts']);
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const MIN_REASON_LENGTH = 30;

const text = (value, fallback = '') => (typeof value === 'string' ? value : fallback);
const nameOf = (value) =>
  typeof value === 'object' && value !== null && typeof value.name === 'string' ? value.name : text(value);

/**
 * Findings from electronegativity's result (`{ issues, errors }` of its runner), in a plain
 * shape: severity and confidence by name, the file relative to the scanned folder with `/`.
 * Throws when the result does not have the expected shape, so a changed tool cannot pass silently.
 */
export function normalizeResult(result) {
  if (
    typeof result !== 'object' ||
    result === null ||
    !Array.isArray(result.issues) ||
    !Array.isArray(result.errors)
  ) {
    throw new Error('electronegativity returned no { issues, errors } result');
  }
  const findings = result.issues.map((issue, index) => {
    const severity = nameOf(issue?.severity).toUpperCase();
    if (typeof issue?.id !== 'string' || !SEVERITIES.includes(severity)) {
      throw new Error(`electronegativity finding #${index} has no id or an unknown severity`);
    }
    return {
      id: issue.id,
      severity,
      confidence: nameOf(issue.confidence).toUpperCase(),
      file: text(issue.file, 'N/A').split(path.sep).join('/'),
      line: Number(issue.location?.line ?? 0),
      column: Number(issue.location?.column ?? 0),
      manualReview: issue.manualReview === true,
      description: text(issue.description),
    };
  });
  const parseErrors = result.errors
    .filter((error) => error?.tolerable !== true)
    .map((error) => ({ file: text(error?.file), message: text(error?.message) }));
  return { findings, parseErrors };
}

/**
 * The reviewed allowlist: `{ entries: [{ id, file, occurrences?, reason }] }`. Every entry must
 * say why the finding is safe; `occurrences` (default 1) pins how many findings of that check
 * the file may have, so a new call next to a reviewed one is reviewed too.
 */
export function parseAllowlist(json) {
  if (typeof json !== 'object' || json === null || !Array.isArray(json.entries)) {
    throw new Error('the allowlist must be an object with an "entries" array');
  }
  return json.entries.map((entry, index) => {
    const where = `allowlist entry #${index}`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where} is not an object`);
    const { id, file, reason } = entry;
    const occurrences = entry.occurrences ?? 1;
    if (typeof id !== 'string' || id === '') throw new Error(`${where} has no check id`);
    if (typeof file !== 'string' || file === '') throw new Error(`${where} (${id}) has no file`);
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(
        `${where} (${id} in ${file}) must say why it is safe (at least ${MIN_REASON_LENGTH} characters)`,
      );
    }
    if (!Number.isInteger(occurrences) || occurrences < 1) {
      throw new Error(`${where} (${id} in ${file}) has an invalid occurrences count`);
    }
    return { id, file, occurrences, reason: reason.trim() };
  });
}

/**
 * The verdict. HIGH always fails. A MEDIUM passes only when an allowlist entry names its check
 * and file and the file has exactly that many such findings. LOW and INFORMATIONAL are reported.
 * Entries that match no MEDIUM finding fail too: the list must describe the code as it is.
 */
export function evaluateFindings(findings, allowlist) {
  const failures = [];
  const allowed = [];
  const notes = [];
  const groups = new Map();
  for (const finding of findings) {
    if (finding.severity === 'HIGH') failures.push({ finding, why: 'HIGH findings are never allowed' });
    else if (finding.severity === 'MEDIUM') {
      const key = `${finding.id}\u0000${finding.file}`;
      groups.set(key, [...(groups.get(key) ?? []), finding]);
    } else notes.push(finding);
  }
  const used = new Set();
  for (const [key, group] of groups) {
    const entry = allowlist.find((candidate) => `${candidate.id}\u0000${candidate.file}` === key);
    if (entry === undefined) {
      for (const finding of group)
        failures.push({ finding, why: 'MEDIUM finding not in the reviewed allowlist' });
    } else if (entry.occurrences !== group.length) {
      used.add(entry);
      for (const finding of group) {
        failures.push({
          finding,
          why: `the allowlist reviewed ${entry.occurrences} such finding(s) in this file, there are ${group.length}`,
        });
      }
    } else {
      used.add(entry);
      for (const finding of group) allowed.push({ finding, reason: entry.reason });
    }
  }
  const unused = allowlist.filter((entry) => !used.has(entry));
  return { failures, allowed, notes, unused, ok: failures.length === 0 && unused.length === 0 };
}

/** Source files under `dir` that electronegativity would not read. */
export function unscannedSources(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const extension = path.extname(entry.name).toLowerCase();
    if (SOURCE_EXTENSIONS.has(extension) && !SCANNED_EXTENSIONS.has(extension)) {
      found.push(path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)));
    }
  }
  return found.sort();
}

/** Replaces the `got` HTTP client for everything loaded after this call: every request answers 404. */
function keepOffline() {
  const offline = () => Promise.resolve({ statusCode: 404, body: '' });
  offline.default = offline;
  const load = Module._load;
  Module._load = function loadOffline(request, ...rest) {
    return request === 'got' ? offline : load.call(this, request, ...rest);
  };
}

/** Runs electronegativity's scanner over `input` for `electronVersion`; resolves with its raw result. */
export async function runElectronegativity({ input, electronVersion }) {
  keepOffline();
  // Its messages are looked up by locale; a local English catalogue ships with it.
  process.env.LANG = 'en-US';
  const run = require('@doyensec/electronegativity');
  return run(
    {
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((check) => check.toLowerCase()),
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
}

const describe = ({ id, severity, confidence, file, line, column }) =>
  `${severity.padEnd(6)} ${id} ${file}:${line}:${column} (${confidence.toLowerCase()})`;

function option(name) {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  return value === undefined || value.startsWith('--') ? null : path.resolve(value);
}

async function main() {
  const reportFile =
    option('--report') ??
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-electronegativity-')), 'report.json');
  const { version: electronVersion } = JSON.parse(
    fs.readFileSync(require.resolve('electron/package.json'), 'utf8'),
  );
  const input = option('--input') ?? path.join(root, SCAN_DIR);
  const allowlistFile = option('--allowlist') ?? path.join(root, ALLOWLIST_FILE);
  const allowlist = parseAllowlist(JSON.parse(fs.readFileSync(allowlistFile, 'utf8')));
  const { findings, parseErrors } = normalizeResult(await runElectronegativity({ input, electronVersion }));
  const verdict = evaluateFindings(findings, allowlist);
  const unscanned = unscannedSources(input);

  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(
    reportFile,
    `${JSON.stringify({ electronVersion, scanned: input, excludedChecks: EXCLUDED_CHECKS, findings, parseErrors, unscanned, verdict }, null, 2)}\n`,
  );

  const shown = path.relative(root, input) || '.';
  console.log(
    `electronegativity over ${shown}/ for Electron ${electronVersion}: ${findings.length} finding(s)`,
  );
  for (const { finding, reason } of verdict.allowed)
    console.log(`  allowed ${describe(finding)}\n          ${reason}`);
  for (const finding of verdict.notes)
    console.log(`  note    ${describe(finding)}\n          ${finding.description}`);
  for (const { finding, why } of verdict.failures)
    console.log(`  FAIL    ${describe(finding)}\n          ${why}: ${finding.description}`);
  for (const entry of verdict.unused)
    console.log(`  FAIL    allowlist entry ${entry.id} in ${entry.file} matches nothing: remove it`);
  for (const error of parseErrors) console.log(`  FAIL    could not parse ${error.file}: ${error.message}`);
  for (const file of unscanned)
    console.log(`  FAIL    ${shown}/${file} has an extension electronegativity does not read`);
  console.log(`report: ${reportFile}`);
  const ok = verdict.ok && parseErrors.length === 0 && unscanned.length === 0;
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
