export { DetailsPanel } from './DetailsPanel';
export { GroupDetails } from './GroupDetails';
