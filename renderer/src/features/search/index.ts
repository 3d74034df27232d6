export { SearchView } from './SearchView';
export type { SearchViewProps } from './SearchView';
