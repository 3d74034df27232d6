export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';

export type Finding = {
  id: string;
  severity: Severity;
  confidence: string;
  file: string;
  line: number;
  column: number;
  manualReview: boolean;
  description: string;
};

export type AllowlistEntry = { id: string; file: string; occurrences: number; reason: string };

export type Verdict = {
  failures: { finding: Finding; why: string }[];
  allowed: { finding: Finding; reason: string }[];
  notes: Finding[];
  unused: AllowlistEntry[];
  ok: boolean;
};

export const SCAN_DIR: string;
export const ALLOWLIST_FILE: string;
export const EXCLUDED_CHECKS: readonly string[];
export function normalizeResult(result: unknown): {
  findings: Finding[];
  parseErrors: { file: string; message: string }[];
};
export function parseAllowlist(json: unknown): AllowlistEntry[];
export function evaluateFindings(findings: readonly Finding[], allowlist: readonly AllowlistEntry[]): Verdict;
export function unscannedSources(dir: string): string[];
export function runElectronegativity(options: { input: string; electronVersion: string }): Promise<unknown>;
