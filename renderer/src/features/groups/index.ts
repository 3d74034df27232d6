export { GroupsView } from './GroupsView';
