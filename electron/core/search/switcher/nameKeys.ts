import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/** Lower case, diacritics removed, spaces squeezed: how names and queries are compared. */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * The pinyin forms a person types for a Chinese name: full (`zhangsan`), spaced
 * (`zhang san`) and initials (`zs`), with ü also as `v` and `u` (吕: `lv`, `lu`). A person's
 * name reads its first character as a surname (曾 is `zeng`, not `ceng`). Empty without Han.
 */
export function pinyinKeys(name: string, isPersonName: boolean): string[] {
  if (!hasHan(name)) return [];
  const syllables = pinyin(name, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    ...(isPersonName ? { surname: 'head' as const } : {}),
  })
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const keys = new Set<string>();
  for (const variant of [(s: string) => s.replaceAll('ü', 'v'), (s: string) => s.replaceAll('ü', 'u')]) {
    const parts = syllables.map(variant);
    keys.add(parts.join(''));
    keys.add(parts.join(' '));
    keys.add(parts.map((p) => p.charAt(0)).join(''));
  }
  return [...keys];
}

/** A query with Chinese characters in it, also as pinyin (`张s` → `zhangs`), so mixed input finds names. */
export function queryAsPinyin(query: string): string | null {
  if (!hasHan(query)) return null;
  return pinyin(query, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.trim().toLowerCase().replaceAll('ü', 'v'))
    .join('');
}
