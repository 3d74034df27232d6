import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/log/logger';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, (line) => void lines.push(JSON.parse(line) as Record<string, unknown>));
  return { logger, lines };
}

describe('logger', () => {
  it('writes one JSON object per line with level, message, bindings and fields', () => {
    const { logger, lines } = capture('info');
    logger.child({ component: 'test' }).info('hello', { userId: '1' });
    expect(lines).toHaveLength(1);
    expect(typeof lines[0]?.time).toBe('string');
    expect({ ...lines[0], time: 'T' }).toEqual({
      time: 'T',
      level: 'info',
      msg: 'hello',
      component: 'test',
      userId: '1',
    });
  });

  it('drops records below its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((l) => l.msg)).toEqual(['c', 'd']);
    const silent = capture('silent');
    silent.logger.error('nothing');
    expect(silent.lines).toEqual([]);
  });

  it('never writes tokens, passwords or message content, even nested or at debug', () => {
    const { logger, lines } = capture('debug');
    logger.debug('oops', {
      token: 'T0K3N',
      request: { password: 'hunter2', Authorization: 'Bearer T0K3N' },
      dataContent: 'hi',
      body: { text: 'secret words' },
    });
    const text = JSON.stringify(lines);
    for (const secret of ['T0K3N', 'hunter2', 'secret words', '"hi"']) expect(text).not.toContain(secret);
  });

  it('serializes errors with their stack', () => {
    const { logger, lines } = capture('info');
    logger.error('failed', { error: new TypeError('bad') });
    const error = lines[0]?.error as { name: string; message: string; stack: string };
    expect(error).toMatchObject({ name: 'TypeError', message: 'bad' });
    expect(error.stack).toContain('TypeError');
  });
});
