import { describe, expect, it, vi } from 'vitest';
import { createEngineLogger, type LevelSink } from '../../../../electron/main/logging/engineLogger';

describe('engine logger', () => {
  it('passes each level, event and fields to the sink', () => {
    const sink: LevelSink = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const logger = createEngineLogger(sink);
    logger.info('net.connected', { attempt: 1 });
    logger.error('store.failed');
    logger.debug('frame', { type: 2 });
    logger.warn('slow', { ms: 900 });
    expect(sink.info).toHaveBeenCalledWith('net.connected', { attempt: 1 });
    expect(sink.error).toHaveBeenCalledWith('store.failed');
    expect(sink.debug).toHaveBeenCalledWith('frame', { type: 2 });
    expect(sink.warn).toHaveBeenCalledWith('slow', { ms: 900 });
    expect(Object.isFrozen(logger)).toBe(true);
  });
});
