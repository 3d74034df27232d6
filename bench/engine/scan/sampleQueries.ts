import type { CorpusMessage } from '../corpus/generateCorpus';
import { mulberry32 } from '../corpus/random';
import type { WeightedWord } from '../corpus/wordLists';
import type { ReferenceTerm } from './referenceMatch';

export type QueryClass =
  'cjk2' | 'cjk1' | 'rare' | 'longPhrase' | 'english' | 'prefix' | 'and2' | 'conversation';

export type SampledQuery = Readonly<{
  cls: QueryClass;
  terms: readonly ReferenceTerm[];
  conversationId?: string;
}>;

const HAN_RUN = /\p{Script=Han}{2,}/gu;

/**
 * Queries a user would type, drawn from the corpus itself so that every one has hits:
 * a common two-character word, a single character (the as-you-type first keystroke), a rare
 * word, a 6–10 character phrase cut from a real message, an English word, a three-letter
 * English prefix, two Chinese words together, and a common word inside one conversation.
 */
export function sampleQueries(
  messages: readonly CorpusMessage[],
  chinese: readonly WeightedWord[],
  english: readonly WeightedWord[],
  perClass: number,
  seed = 99,
): SampledQuery[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const twoChar = chinese.slice(0, 3000).filter((w) => w.word.length === 2);
  const rare = chinese.slice(15_000, 30_000).filter((w) => w.word.length >= 2);
  const commonEnglish = english.slice(20, 2000).filter((w) => w.word.length >= 4);
  const runs = (m: CorpusMessage) => m.text.match(HAN_RUN) ?? [];
  const longRuns: string[] = [];
  for (let i = 0; longRuns.length < perClass * 4 && i < perClass * 400; i++) {
    const run = runs(pick(messages)).find((r) => r.length >= 6);
    if (run !== undefined) longRuns.push(run);
  }
  const busy = new Map<string, number>();
  for (const m of messages) busy.set(m.conversationId, (busy.get(m.conversationId) ?? 0) + 1);
  const conversations = [...busy.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);

  const out: SampledQuery[] = [];
  for (let i = 0; i < perClass; i++) {
    out.push({ cls: 'cjk2', terms: [{ kind: 'substring', value: pick(twoChar).word }] });
    out.push({ cls: 'cjk1', terms: [{ kind: 'substring', value: pick(twoChar).word.charAt(0) }] });
    out.push({ cls: 'rare', terms: [{ kind: 'substring', value: pick(rare).word }] });
    const run = longRuns.length > 0 ? pick(longRuns) : pick(twoChar).word;
    const length = Math.min(run.length, 6 + Math.floor(random() * 5));
    const start = Math.floor(random() * (run.length - length + 1));
    out.push({ cls: 'longPhrase', terms: [{ kind: 'substring', value: run.slice(start, start + length) }] });
    out.push({ cls: 'english', terms: [{ kind: 'word', value: pick(commonEnglish).word.toLowerCase() }] });
    out.push({
      cls: 'prefix',
      terms: [{ kind: 'prefix', value: pick(commonEnglish).word.slice(0, 3).toLowerCase() }],
    });
    out.push({
      cls: 'and2',
      terms: [
        { kind: 'substring', value: pick(twoChar).word },
        { kind: 'substring', value: pick(twoChar).word },
      ],
    });
    out.push({
      cls: 'conversation',
      terms: [{ kind: 'substring', value: pick(twoChar).word }],
      // Half in the few busiest conversations, half anywhere in the long tail.
      conversationId: random() < 0.5 ? pick(conversations.slice(0, 5)) : pick(conversations),
    });
  }
  return out;
}
