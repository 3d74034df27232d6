import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

// electron-builder's own loader and schema (app-builder-lib ships with electron-builder), so
// this reads the file exactly as `electron-builder` will and rejects unknown or misplaced keys.
const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};
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

  it('ships every package the Electron bundles load at run time (only dependencies are packaged)', async () => {
    // The same entries scripts/build.mjs bundles for Electron, with packages left external.
    const entries = ['electron/main/main.ts', 'electron/core/store/worker/storeWorker.ts'].filter((entry) =>
      fs.existsSync(path.join(root, entry)),
    );
    const result = await build({
      absWorkingDir: root,
      entryPoints: entries,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      write: false,
      outdir: 'out',
      metafile: true,
      logLevel: 'silent',
    });
    const external = new Set<string>();
    for (const input of Object.values(result.metafile.inputs)) {
      for (const imported of input.imports) {
        if (!imported.external || imported.path.startsWith('node:')) continue;
        const parts = imported.path.split('/');
        external.add(imported.path.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''));
      }
    }
    external.delete('electron');
    expect(external.size).toBeGreaterThan(0);
    for (const name of external) expect(Object.keys(packageJson.dependencies), name).toContain(name);
  });

  it('builds the installers for each platform', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Network;InstantMessaging');
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(list(config.publish)).toEqual([
      expect.objectContaining({ provider: 'github', releaseType: 'draft' }),
    ]);
  });

  it('flips the fuses that keep the binary from running anything but our asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('names the Linux desktop file, which carries the tidings:// handler and the launcher badge', () => {
    expect(config.extraMetadata).toMatchObject({ desktopName: 'tidings.desktop' });
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(config.linux?.executableName).toBe('tidings');
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

describe('build/electron-builder.local-update.yml', () => {
  it('is the release config with a generic provider on 127.0.0.1 and its own output folder', async () => {
    const local = await getConfig(root, path.join(root, 'build', 'electron-builder.local-update.yml'), null);
    await expect(validateConfiguration(local, new DebugLogger(false))).resolves.toBeUndefined();
    expect(list(local.publish)).toEqual([{ provider: 'generic', url: 'http://127.0.0.1:8080/' }]);
    expect(local.directories).toMatchObject({ output: 'release/local-update', buildResources: 'build' });
    expect(local.appId).toBe(config.appId);
    expect(local.electronFuses).toEqual(config.electronFuses);
  });
});
