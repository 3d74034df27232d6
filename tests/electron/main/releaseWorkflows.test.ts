import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
type Step = {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  shell?: string;
};
type Job = {
  'runs-on': string;
  needs?: string | string[];
  steps: Step[];
  strategy?: { matrix: { include: { os: string; target: string }[] } };
  env?: Record<string, string>;
};
type Workflow = {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
};

/** Parses a workflow strictly: duplicate keys and YAML errors throw. */
function workflow(name: string): Workflow {
  const text = fs.readFileSync(path.join(root, '.github', 'workflows', name), 'utf8');
  return parse(text, { uniqueKeys: true, strict: true, prettyErrors: true }) as Workflow;
}

const job = (flow: Workflow, name: string): Job => {
  const found = flow.jobs[name];
  if (!found) throw new Error(`no job ${name}`);
  return found;
};
const needs = (value: Job['needs']): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const setupNode = (steps: Step[]): Step | undefined =>
  steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
const runs = (steps: Step[]): string => steps.map((step) => step.run ?? '').join('\n');

describe('.github/workflows/ci.yml', () => {
  const flow = workflow('ci.yml');

  it('runs the tests on every push and pull request, on Node 22', () => {
    expect(Object.keys(flow.on).sort()).toEqual(['pull_request', 'push']);
    expect(flow.permissions).toEqual({ contents: 'read' });
    const test = job(flow, 'test');
    expect(setupNode(test.steps)?.with).toMatchObject({ 'node-version': 22 });
    expect(test.steps[0]?.uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(runs(test.steps)).toMatch(/npm ci[\s\S]*npm test/);
    expect(test.env).toMatchObject({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
  });
});

describe('.github/workflows/release.yml', () => {
  const flow = workflow('release.yml');

  it('runs on version tags with permission to write releases', () => {
    expect(flow.on).toEqual({ push: { tags: ['v*'] } });
    expect(flow.permissions).toEqual({ contents: 'write' });
  });

  it('tests, drafts, packages on three platforms, then publishes, in that order', () => {
    expect(needs(job(flow, 'test').needs)).toEqual([]);
    expect(needs(job(flow, 'draft').needs)).toEqual(['test']);
    expect(needs(job(flow, 'package').needs)).toEqual(['draft']);
    expect(needs(job(flow, 'publish').needs)).toEqual(['package']);
    expect(runs(job(flow, 'test').steps)).toContain('npm test');
    expect(runs(job(flow, 'draft').steps)).toMatch(/package\.json[\s\S]*gh release create[\s\S]*--draft/);
    expect(runs(job(flow, 'publish').steps)).toContain('--draft=false');
  });

  it('packages on Windows, macOS and Linux runners with Node 22, building first', () => {
    const pack = job(flow, 'package');
    expect(pack['runs-on']).toBe('${{ matrix.os }}');
    expect(pack.strategy?.matrix.include.map(({ os, target }) => [os, target])).toEqual([
      ['windows-latest', '--win'],
      ['macos-latest', '--mac'],
      ['ubuntu-latest', '--linux'],
    ]);
    for (const name of ['test', 'package'])
      expect(setupNode(job(flow, name).steps)?.with).toMatchObject({ 'node-version': 22 });
    const script = runs(pack.steps);
    expect(script.indexOf('npm ci')).toBeLessThan(script.indexOf('npm run build'));
    expect(script.indexOf('npm run build')).toBeLessThan(script.indexOf('electron-builder'));
    expect(script).toMatch(
      /electron-builder \$\{\{ matrix\.target \}\} --config "\$config" --publish always/,
    );
  });

  it('signs and notarizes from secrets, and warns instead of failing without them', () => {
    const step = job(flow, 'package').steps.find((candidate) => candidate.run?.includes('electron-builder'));
    expect(step?.shell).toBe('bash');
    for (const secret of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      expect(step?.env?.[secret], secret).toBe(`\${{ secrets.${secret} }}`);
    }
    expect(step?.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
    expect(step?.run).toContain('unset "$name"');
    expect(step?.run).toMatch(/::warning::CSC_LINK is not set/);
    expect(step?.run).toMatch(/::warning::APPLE_ID/);
    expect(step?.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
  });
});
