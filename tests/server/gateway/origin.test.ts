import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from '../../../server/gateway/origin';

describe('origin check', () => {
  const allowed = ['https://chat.example.com', 'http://localhost:5173'];
  it.each([
    [undefined, true],
    ['https://chat.example.com', true],
    ['HTTPS://Chat.Example.com:443', true],
    ['http://localhost:5173', true],
    ['http://localhost:5174', false],
    ['https://chat.example.com.evil.test', false],
    ['https://evil.test', false],
    ['null', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (origin, ok) => {
    expect(isOriginAllowed(origin, allowed)).toBe(ok);
  });

  it('allows no browser at all with an empty list', () => {
    expect(isOriginAllowed('https://chat.example.com', [])).toBe(false);
    expect(isOriginAllowed(undefined, [])).toBe(true);
  });
});
