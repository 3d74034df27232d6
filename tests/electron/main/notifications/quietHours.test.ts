import { describe, expect, it } from 'vitest';
import { isQuietTime, minuteOfDay, parseClockTime } from '../../../../electron/main/notifications/quietHours';

const at = (clock: string): number => {
  const minute = parseClockTime(clock);
  if (minute === null) throw new Error(`bad clock time ${clock}`);
  return minute;
};

describe('quiet hours', () => {
  it('parses HH:MM and nothing else', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('07:30')).toBe(450);
    expect(parseClockTime('23:59')).toBe(1439);
    for (const text of ['24:00', '7:30', '07:60', '0730', '', ' 07:30'])
      expect(parseClockTime(text), text).toBeNull();
  });

  it('covers a window within one day, start included, end excluded', () => {
    const quiet = { enabled: true, from: '13:00', to: '14:30' };
    expect(isQuietTime(at('12:59'), quiet)).toBe(false);
    expect(isQuietTime(at('13:00'), quiet)).toBe(true);
    expect(isQuietTime(at('14:29'), quiet)).toBe(true);
    expect(isQuietTime(at('14:30'), quiet)).toBe(false);
  });

  it('covers a window across midnight on both sides', () => {
    const quiet = { enabled: true, from: '22:00', to: '07:00' };
    expect(isQuietTime(at('21:59'), quiet)).toBe(false);
    expect(isQuietTime(at('22:00'), quiet)).toBe(true);
    expect(isQuietTime(at('23:59'), quiet)).toBe(true);
    expect(isQuietTime(at('00:00'), quiet)).toBe(true);
    expect(isQuietTime(at('06:59'), quiet)).toBe(true);
    expect(isQuietTime(at('07:00'), quiet)).toBe(false);
    expect(isQuietTime(at('12:00'), quiet)).toBe(false);
  });

  it('is off when disabled, empty, or malformed', () => {
    expect(isQuietTime(at('23:00'), { enabled: false, from: '22:00', to: '07:00' })).toBe(false);
    expect(isQuietTime(at('08:00'), { enabled: true, from: '08:00', to: '08:00' })).toBe(false);
    expect(isQuietTime(at('23:00'), { enabled: true, from: '25:00', to: '07:00' })).toBe(false);
  });

  it('wraps minutes outside one day', () => {
    const quiet = { enabled: true, from: '22:00', to: '07:00' };
    expect(isQuietTime(24 * 60 + 30, quiet)).toBe(true);
    expect(isQuietTime(-30, quiet)).toBe(true);
  });

  it('reads local wall-clock time', () => {
    expect(minuteOfDay(new Date(2024, 0, 1, 22, 15))).toBe(22 * 60 + 15);
    expect(minuteOfDay(new Date(2024, 0, 1, 0, 0))).toBe(0);
  });
});
