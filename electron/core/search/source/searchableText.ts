import { messageText } from '../../domain/preview';
import { parseBody } from '../../store/rows';

/**
 * The text search indexes and highlights: the store's own rule (`messageText`), so the rebuild
 * reads exactly what the store's write hook indexed, and a hit's ranges index into it. Kinds
 * without text are not indexed.
 */
export function searchableTextOfJson(kind: string, bodyJson: string): string {
  return messageText(kind, parseBody(bodyJson));
}
