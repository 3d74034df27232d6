/** Release notes as electron-updater delivers them: HTML from GitHub, or one entry per version. */
export type RawReleaseNotes =
  string | ReadonlyArray<Readonly<{ version: string; note: string | null }>> | null | undefined;

const MAX_LENGTH = 20_000;

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // Control characters and invalid code points stay out of what the user reads.
      if (!Number.isInteger(code) || code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return '';
      return String.fromCodePoint(code);
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text from release notes. GitHub renders the notes to HTML; the page and native dialogs
 * show text, never markup from the network. Block elements become line breaks, list items get
 * a bullet, every other tag (scripts and styles with their content) is dropped, entities are
 * decoded once, and the result is capped.
 */
export function releaseNotesText(notes: RawReleaseNotes): string {
  if (notes === null || notes === undefined) return '';
  if (typeof notes !== 'string') {
    return notes
      .map(({ version, note }) => {
        const text = releaseNotesText(note ?? '');
        return text === '' ? version : `${version}\n${text}`;
      })
      .join('\n\n')
      .slice(0, MAX_LENGTH);
  }
  const text = notes
    .slice(0, MAX_LENGTH * 4)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|h[1-6]|ul|ol|pre|blockquote|table|tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/<[\s\S]*$/, '');
  return decodeEntities(text)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_LENGTH);
}
