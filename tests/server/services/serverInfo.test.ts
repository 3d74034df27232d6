import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverInfo } from '../../../server/services/serverInfo';
import { repoRoot } from '../../helpers/serverProcess';

describe('server info (the hello)', () => {
  it('names the version in package.json and the Tidings capability', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(serverInfo).toEqual({ name: 'tidings', version: pkg.version, capabilities: ['tidings/1'] });
  });
});
