import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, teeLogger } from '../../../../electron/core/deps/fileLogger';
import { createCaptureLogger } from '../helpers/captureLogger';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs();

describe('file logger', () => {
  it('writes JSON lines at info and above, in order, without waiting for the disk', async () => {
    const dir = newDir();
    const log = createFileLogger({ dir, now: () => 7 });
    log.debug('hidden');
    log.info('connection.state', { status: 'online' });
    log.warn('outbox.refused', { fp: 'f1' });
    // Logging returned at once; the lines land once flushed.
    await log.flush();
    const lines = fs.readFileSync(path.join(dir, 'engine.log'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { time: 7, level: 'info', event: 'connection.state', status: 'online' },
      { time: 7, level: 'warn', event: 'outbox.refused', fp: 'f1' },
    ]);
    expect(fs.statSync(path.join(dir, 'engine.log')).mode & 0o777).toBe(0o600);
  });

  it('rotates by size, keeping a bounded number of files', async () => {
    const dir = newDir();
    const log = createFileLogger({ dir, maxBytes: 200, maxFiles: 2 });
    for (let i = 0; i < 40; i++) {
      log.info('sync.phase', { phase: 'inbox', i });
      if (i % 5 === 4) await log.flush();
    }
    await log.flush();
    expect(fs.readdirSync(dir).sort()).toEqual(['engine.1.log', 'engine.2.log', 'engine.log']);
    for (const file of fs.readdirSync(dir))
      expect(fs.statSync(path.join(dir, file)).size).toBeLessThanOrEqual(400);
    const last = fs.readFileSync(path.join(dir, 'engine.log'), 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ i: 39 });
  });

  it('tees to several loggers', () => {
    const a = createCaptureLogger();
    const b = createCaptureLogger();
    teeLogger(a, b).warn('x', { n: 1 });
    expect(a.entries).toEqual([{ level: 'warn', event: 'x', fields: { n: 1 } }]);
    expect(b.entries).toEqual(a.entries);
  });
});
