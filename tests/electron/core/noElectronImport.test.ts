import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/serverProcess';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('electron/core', () => {
  it('never imports electron, so the CLI and the bridge run it in plain Node', () => {
    const files = sources(path.join(repoRoot, 'electron/core'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(
        fs.readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('has no console output outside the injected logger', () => {
    const files = sources(path.join(repoRoot, 'electron/core'));
    expect(files.filter((file) => /\bconsole\./.test(fs.readFileSync(file, 'utf8')))).toEqual([]);
  });
});
