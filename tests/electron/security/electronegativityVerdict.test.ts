import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateFindings,
  normalizeResult,
  parseAllowlist,
  type Finding,
} from '../../../scripts/checkElectronegativity.mjs';

const finding = (patch: Partial<Finding>): Finding => ({
  id: 'PRELOAD_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'main/window/mainWindow.ts',
  line: 1,
  column: 0,
  manualReview: true,
  description: 'Review the use of preload scripts',
  ...patch,
});
const reason = 'Our own bundled preload, sandboxed, exposing only named functions.';

describe('normalizeResult', () => {
  it('reads electronegativity findings by severity name, with / separators', () => {
    const { findings, parseErrors } = normalizeResult({
      issues: [
        {
          id: 'CONTEXT_ISOLATION_JS_CHECK',
          severity: { value: 3, name: 'HIGH', format: () => 'HIGH' },
          confidence: { value: 2, name: 'FIRM' },
          file: ['main', 'window.ts'].join(path.sep),
          location: { line: 3, column: 4 },
          manualReview: false,
          description: 'Review the use of the contextIsolation option',
        },
      ],
      errors: [
        { file: 'x.ts', message: 'Unexpected token', tolerable: false },
        { file: 'y.ts', message: 'warning', tolerable: true },
      ],
    });
    expect(findings).toEqual([
      {
        id: 'CONTEXT_ISOLATION_JS_CHECK',
        severity: 'HIGH',
        confidence: 'FIRM',
        file: 'main/window.ts',
        line: 3,
        column: 4,
        manualReview: false,
        description: 'Review the use of the contextIsolation option',
      },
    ]);
    expect(parseErrors).toEqual([{ file: 'x.ts', message: 'Unexpected token' }]);
  });

  it('refuses output it does not understand rather than passing it', () => {
    for (const result of [
      undefined,
      null,
      {},
      { issues: [] },
      { issues: [{ id: 'X', severity: { name: 'SEVERE' } }], errors: [] },
    ]) {
      expect(() => normalizeResult(result), JSON.stringify(result)).toThrow();
    }
  });
});

describe('parseAllowlist', () => {
  it('reads entries, counting one occurrence by default', () => {
    expect(parseAllowlist({ entries: [{ id: 'PRELOAD_JS_CHECK', file: 'main/a.ts', reason }] })).toEqual([
      { id: 'PRELOAD_JS_CHECK', file: 'main/a.ts', occurrences: 1, reason },
    ]);
  });

  it('requires a check, a file and a real reason for every entry', () => {
    for (const entries of [
      [{ file: 'a.ts', reason }],
      [{ id: 'X', reason }],
      [{ id: 'X', file: 'a.ts' }],
      [{ id: 'X', file: 'a.ts', reason: 'safe' }],
      [{ id: 'X', file: 'a.ts', reason, occurrences: 0 }],
      ['X'],
    ]) {
      expect(() => parseAllowlist({ entries }), JSON.stringify(entries)).toThrow();
    }
    expect(() => parseAllowlist([])).toThrow();
  });
});

describe('evaluateFindings', () => {
  const allowlist = parseAllowlist({
    entries: [{ id: 'PRELOAD_JS_CHECK', file: 'main/window/mainWindow.ts', reason }],
  });

  it('passes reviewed MEDIUM findings and reports LOW ones', () => {
    const verdict = evaluateFindings(
      [finding({}), finding({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'N/A' })],
      allowlist,
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.allowed.map(({ finding: f }) => f.id)).toEqual(['PRELOAD_JS_CHECK']);
    expect(verdict.notes.map((f) => f.id)).toEqual(['CSP_GLOBAL_CHECK']);
  });

  it('fails on any HIGH finding, even one named in the allowlist', () => {
    const verdict = evaluateFindings([finding({ severity: 'HIGH' })], allowlist);
    expect(verdict.ok).toBe(false);
    expect(verdict.failures[0]?.why).toMatch(/HIGH/);
  });

  it('fails on MEDIUM findings not reviewed: another check, another file, or one more than reviewed', () => {
    expect(evaluateFindings([finding({ id: 'OPEN_EXTERNAL_JS_CHECK' })], allowlist).ok).toBe(false);
    expect(evaluateFindings([finding({ file: 'main/other.ts' })], allowlist).ok).toBe(false);
    const twice = evaluateFindings([finding({ line: 1 }), finding({ line: 9 })], allowlist);
    expect(twice.ok).toBe(false);
    expect(twice.failures).toHaveLength(2);
    expect(twice.failures[0]?.why).toMatch(/reviewed 1 .* there are 2/);
  });

  it('fails on allowlist entries that match nothing any more', () => {
    const verdict = evaluateFindings([], allowlist);
    expect(verdict.ok).toBe(false);
    expect(verdict.unused).toHaveLength(1);
  });
});
