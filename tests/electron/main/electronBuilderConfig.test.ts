import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

// electron-builder's own loader and schema (app-builder-lib ships with electron-builder), so
// this reads the file exactly as `electron-builder` will and rejects unknown or misplaced keys.
const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
/** getConfig normalizes `files` to FileSet objects (`{ filter: [...] }`); this flattens them back. */
const patterns = (value: unknown): unknown[] =>
  list(value).flatMap((entry) =>
    typeof entry === 'object' && entry !== null && 'filter' in entry ? list(entry.filter) : [entry],
  );
const targetNames = (value: unknown): unknown[] =>
  list(value).map((target) =>
    typeof target === 'object' && target !== null && 'target' in target ? target.target : target,
  );

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and its folders', () => {
    expect(config.appId).toBe('im.tidings.desktop');
    expect(config.productName).toBe('Tidings');
    expect(config.directories).toMatchObject({ buildResources: 'build', output: 'release' });
  });

  it('registers the tidings:// scheme', () => {
    expect(list(config.protocols)).toEqual([{ name: 'Tidings', schemes: ['tidings'] }]);
  });

  it('rebuilds native modules for Electron and keeps them out of the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(list(config.asarUnpack)).toContain('**/*.node');
  });

  it('packages the Electron bundles and the renderer, not the other hosts or the sources', () => {
    const files = patterns(config.files);
    expect(files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    for (const excluded of [
      '!dist/server/**',
      '!dist/cli/**',
      '!dist/bridge/**',
      '!dist/renderer-bridge/**',
    ]) {
      expect(files).toContain(excluded);
    }
    expect(
      files.some((pattern) => typeof pattern === 'string' && /^(src|electron|shared|tests)\b/.test(pattern)),
    ).toBe(false);
    expect(packageJson.main.startsWith('dist/electron/')).toBe(true);
  });

  it('builds the installers for each platform', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Network;InstantMessaging');
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(list(config.publish)).toEqual([expect.objectContaining({ provider: 'github' })]);
  });

  it('points at resources that exist', () => {
    const resources = [
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.win?.icon,
      config.mac?.icon,
      config.linux?.icon,
    ];
    for (const resource of resources) {
      expect(typeof resource).toBe('string');
      expect(fs.existsSync(path.join(root, String(resource))), String(resource)).toBe(true);
    }
    const entitlements = fs.readFileSync(path.join(root, String(config.mac?.entitlements)), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
  });
});
