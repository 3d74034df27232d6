export { QuickSwitcher } from './QuickSwitcher';
