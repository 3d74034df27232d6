import type { KeyboardEvent, UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/ipc/channels/search';
import type { HitGroup } from './groupHits';
import { HitSnippet } from './HitSnippet';

/** How close to the bottom (px) the list asks for the next page. */
const LOAD_AHEAD_PX = 240;

export type SearchResultsProps = Readonly<{
  groups: readonly HitGroup[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  onOpen(hit: SearchHit): void;
  senderName(hit: SearchHit): string;
  formatTime(at: number): string;
}>;

/** Moves focus between hits with the arrow keys (Tab still walks them one by one). */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const hits = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-search-hit]')];
  const at = hits.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const next = hits[event.key === 'ArrowDown' ? at + 1 : at - 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** Hits grouped under their conversation; the next page loads as the list nears its end. */
export function SearchResults({
  groups,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  senderName,
  formatTime,
}: SearchResultsProps) {
  const { t } = useTranslation('search');
  const onScroll = (event: UIEvent<HTMLElement>) => {
    const list = event.currentTarget;
    if (hasMore && list.scrollTop + list.clientHeight >= list.scrollHeight - LOAD_AHEAD_PX) onLoadMore();
  };
  return (
    <div className="search-results" data-testid="search-results" onScroll={onScroll} onKeyDown={moveFocus}>
      {groups.map((group) => (
        <section
          key={group.conversation.id}
          className="search-group"
          data-testid="search-group"
          aria-label={group.conversation.title}
        >
          <h3 className="search-group-title">
            <span>{group.conversation.title}</span>
            <span className="search-group-count">
              {t('results.inConversation', { count: group.hits.length })}
            </span>
          </h3>
          <ul>
            {group.hits.map((hit) => (
              <li key={hit.message.id}>
                <button
                  type="button"
                  className="search-hit"
                  data-search-hit=""
                  data-testid="search-hit"
                  data-message-id={hit.message.id}
                  onClick={() => onOpen(hit)}
                >
                  <span className="search-hit-meta">
                    <span className="search-hit-sender">{senderName(hit)}</span>
                    <time className="search-hit-time" dateTime={new Date(hit.message.sentAt).toISOString()}>
                      {formatTime(hit.message.sentAt)}
                    </time>
                  </span>
                  <HitSnippet hit={hit} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {hasMore ? (
        <button
          type="button"
          className="search-more"
          data-testid="search-load-more"
          disabled={loadingMore}
          onClick={onLoadMore}
        >
          {loadingMore ? t('results.loadingMore') : t('results.loadMore')}
        </button>
      ) : groups.length > 0 ? (
        <p className="search-end">{t('results.end')}</p>
      ) : null}
    </div>
  );
}
