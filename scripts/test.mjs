#!/usr/bin/env node
// `npm test`: typecheck, lint, then every vitest project (unit, integration, e2e), and a closing
// line `N passed, N failed` that CI reads (vitest's own summary is not read there).
// Each typecheck project, the lint, the format check and the electronegativity scan count as one check each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const extraArgs = process.argv.slice(2);

let passed = 0;
let failed = 0;
const failures = [];

function check(name, command, args) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

if (extraArgs.length === 0) {
  for (const project of ['shared', 'node', 'web', 'tests']) {
    check(`typecheck ${project}`, bin('tsc'), ['-p', `tsconfig.${project}.json`]);
  }
  check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
  check('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  check('electronegativity', process.execPath, [path.join(root, 'scripts', 'checkElectronegativity.mjs')]);
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-vitest-')), 'report.json');
console.log('\n▶ vitest');
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
  { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
);
if (fs.existsSync(report)) {
  const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  for (const file of summary.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'failed') failures.push(`${path.relative(root, file.name)} › ${test.fullName}`);
    }
    // A file that failed to load has no assertions but must still count as a failure.
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed++;
      failures.push(`${path.relative(root, file.name)} (did not run: ${file.message ?? 'load error'})`);
    }
  }
  const skipped = summary.numPendingTests + summary.numTodoTests;
  if (skipped > 0) console.log(`note: ${skipped} test(s) skipped`);
} else {
  failed++;
  failures.push(`vitest produced no report (exit ${vitest.status})`);
}
if (vitest.status !== 0 && failures.length === 0) {
  failed++;
  failures.push(`vitest exited with ${vitest.status}`);
}

if (failures.length > 0) {
  console.log('\nFailed:');
  for (const name of failures) console.log(`  - ${name}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
