import type { SearchHit } from '../../../../shared/ipc/channels/search';
import { snippetSegments } from './snippet';

/** The matched words of a hit painted with <mark>; the text is always text, never HTML. */
export function HitSnippet({ hit }: Readonly<{ hit: Pick<SearchHit, 'text' | 'ranges'> }>) {
  return (
    <span className="search-snippet" data-testid="search-snippet">
      {snippetSegments(hit.text, hit.ranges).map((segment, index) =>
        segment.marked ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </span>
  );
}
