import { mulberry32, normal, weightedSampler, zipfWeights } from './random';
import { chineseWords, englishWords, type WeightedWord } from './wordLists';

/** One generated chat message, in timeline order (`sentAt` never decreases). */
export type CorpusMessage = Readonly<{
  index: number;
  fp: string;
  conversationId: string;
  seq: number;
  senderId: string;
  sentAt: number;
  kind: string;
  text: string;
}>;

export type CorpusOptions = Readonly<{
  seed?: number;
  conversations?: number;
  senders?: number;
  /** The first message's time, ms. */
  startAt?: number;
  /** Longest message in UTF-16 units. */
  maxLength?: number;
}>;

export type Corpus = Readonly<{
  /** The account that owns the store: one side of every direct conversation. */
  me: string;
  conversationIds: readonly string[];
  chinese: readonly WeightedWord[];
  english: readonly WeightedWord[];
  /** The next message; call it as many times as needed. */
  next(): CorpusMessage;
}>;

const CN_PUNCT = ['，', '，', '，', '。', '。', '！', '？', '～', '…', '、'];
const EMOJI = ['😂', '👍', '🙏', '❤️', '👍🏽', '👨‍👩‍👧', '🇨🇳', '🤔', '😅', '🎉', '👌', '😭'];
const CN_TAILS = ['', '', '', '。', '！', '？', '～', '哈哈', '吧', '呢', '啊'];

/**
 * A deterministic corpus that behaves like real chat (see shared/docs/bench-corpus.md):
 * mostly Chinese words run together without spaces and broken by Chinese punctuation, a good
 * share of English, mixed messages with emoji (multi-code-point ones too), URLs, numbers and
 * @mentions; lengths skewed short; Zipf conversation activity; a few thousand senders.
 */
export function createCorpus(options: CorpusOptions = {}): Corpus {
  const random = mulberry32(options.seed ?? 20240607);
  const conversationCount = options.conversations ?? 2000;
  const senderCount = options.senders ?? 3000;
  const maxLength = options.maxLength ?? 400;
  const chinese = chineseWords(30_000);
  const english = englishWords(12_000);
  const pickChinese = weightedSampler(
    chinese.map((w) => w.weight),
    random,
  );
  const pickEnglish = weightedSampler(
    english.map((w) => w.weight),
    random,
  );
  const pickConversation = weightedSampler(zipfWeights(conversationCount, 1.05), random);
  const me = 'u0';
  const senders = Array.from({ length: senderCount }, (_, i) => `u${i + 1}`);
  const conversationIds: string[] = [];
  const members: string[][] = [];
  const taken = new Set<string>();
  for (let c = 0; c < conversationCount; c++) {
    const group = c % 5 === 0;
    const size = group ? 3 + Math.floor(random() * 60) : 1;
    const others = Array.from({ length: size }, () => senders[Math.floor(random() * senderCount)] as string);
    // One direct conversation per peer: a peer already taken makes this one a group.
    const id = group || taken.has(others[0] as string) ? `g${c}` : `d:${me}:${others[0] as string}`;
    if (!group) taken.add(others[0] as string);
    conversationIds.push(id);
    members.push([me, ...others]);
  }
  const seqs = new Int32Array(conversationCount);
  let sentAt = options.startAt ?? Date.UTC(2023, 0, 1);
  let index = 0;

  const chineseWord = () => (chinese[pickChinese()] as WeightedWord).word;
  const englishWord = () => (english[pickEnglish()] as WeightedWord).word;
  const targetLength = () =>
    Math.max(1, Math.min(maxLength, Math.round(Math.exp(2.5 + 0.85 * normal(random)))));

  function chineseText(target: number): string {
    let text = '';
    while (text.length < target) {
      text += chineseWord();
      if (random() < 0.12 && text.length < target) text += CN_PUNCT[Math.floor(random() * CN_PUNCT.length)];
    }
    return text + (CN_TAILS[Math.floor(random() * CN_TAILS.length)] as string);
  }

  function englishText(target: number): string {
    const words: string[] = [];
    let length = 0;
    while (length < target) {
      let word = englishWord();
      if (words.length === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
      if (random() < 0.08) word += random() < 0.5 ? ',' : '.';
      words.push(word);
      length += word.length + 1;
    }
    return words.join(' ') + (random() < 0.3 ? (random() < 0.5 ? '?' : '!') : '');
  }

  function mixedText(target: number): string {
    let text = '';
    while (text.length < target) {
      const roll = random();
      if (roll < 0.55) text += chineseWord();
      else if (roll < 0.72) text += ` ${englishWord()} `;
      else if (roll < 0.84) text += EMOJI[Math.floor(random() * EMOJI.length)];
      else if (roll < 0.9) text += ` https://example.com/${englishWord()}/${Math.floor(random() * 10000)} `;
      else if (roll < 0.95) text += `@${senders[Math.floor(random() * senderCount)]} `;
      else text += String(Math.floor(random() * 100000));
    }
    return text.trim() || chineseWord();
  }

  function next(): CorpusMessage {
    const c = pickConversation();
    const who = members[c] as string[];
    const roll = random();
    const target = targetLength();
    const raw = roll < 0.62 ? chineseText(target) : roll < 0.82 ? englishText(target) : mixedText(target);
    // Time moves forward by a skewed gap; sometimes two messages share a millisecond.
    sentAt += random() < 0.02 ? 0 : 1 + Math.floor(Math.exp(7 + 2 * normal(random)));
    seqs[c] = (seqs[c] ?? 0) + 1;
    const message: CorpusMessage = {
      index,
      fp: `m${index}`,
      conversationId: conversationIds[c] as string,
      seq: seqs[c] ?? 1,
      senderId: who[Math.floor(random() * who.length)] as string,
      sentAt,
      kind: 'text',
      text: cutToLength(raw, maxLength),
    };
    index++;
    return message;
  }

  return Object.freeze({ me, conversationIds, chinese, english, next });
}

/** At most `max` UTF-16 units, never cutting a surrogate pair or a ZWJ emoji in half. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out.replace(/(?:\u200d|\ufe0f)+$/u, '');
}
