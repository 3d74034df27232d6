import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/locales/en/common.json';
import zh from '../../../renderer/src/i18n/locales/zh/common.json';
import { errorCodes } from '../../../shared/ipc/errors';

describe('error sentences', () => {
  it.each([
    ['en', en.errors],
    ['zh', zh.errors],
  ])('%s has a sentence for every error code the contract defines, and nothing else', (_lang, errors) => {
    const sentences = errors as Record<string, unknown>;
    expect(Object.keys(sentences).sort()).toEqual([...errorCodes].sort());
    for (const code of errorCodes)
      expect(typeof sentences[code] === 'string' && sentences[code] !== '').toBe(true);
  });
});
