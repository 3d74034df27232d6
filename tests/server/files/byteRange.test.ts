import { describe, expect, it } from 'vitest';
import { resolveRange } from '../../../server/files/byteRange';

describe('Range resolution', () => {
  it.each([
    ['bytes=0-0', 10, { kind: 'partial', range: { start: 0, end: 0 } }],
    ['bytes=9-9', 10, { kind: 'partial', range: { start: 9, end: 9 } }],
    ['bytes=5-', 10, { kind: 'partial', range: { start: 5, end: 9 } }],
    ['bytes=-3', 10, { kind: 'partial', range: { start: 7, end: 9 } }],
    ['bytes=-30', 10, { kind: 'partial', range: { start: 0, end: 9 } }],
    ['bytes=2-100', 10, { kind: 'partial', range: { start: 2, end: 9 } }],
    ['bytes=10-', 10, { kind: 'unsatisfiable' }],
    ['bytes=10-20', 10, { kind: 'unsatisfiable' }],
    ['bytes=-0', 10, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=-5', 0, { kind: 'unsatisfiable' }],
  ] as const)('%s of %i bytes', (header, size, expected) => {
    expect(resolveRange(header, size)).toEqual(expected);
  });

  it.each([
    undefined,
    'bytes=0-1,4-5',
    'items=0-1',
    'bytes=5-2',
    'bytes=-',
    'bytes=abc',
    'bytes=99999999999999999999-',
  ])('serves the whole file for %s', (header) => {
    expect(resolveRange(header, 10)).toEqual({ kind: 'full' });
  });
});
