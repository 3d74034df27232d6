import { ContactsView } from '../features/contacts';
import { ChatsView } from '../features/chats/ChatsView';
import { GroupsView } from '../features/groups';
import { SearchView } from '../features/search';
import { SettingsView } from '../features/settings/SettingsView';
import { ConnectionBanner } from '../features/status/ConnectionBanner';
import { ProgressBar } from '../features/status/ProgressBar';
import { Toasts } from '../features/status/Toasts';
import { QuickSwitcher } from '../features/switcher';
import { useNavigation } from '../state/navigation';
import { NavRail } from './NavRail';
import { useEngineEvents } from './useEngineEvents';
import { useShellNavigation } from './useShellNavigation';
import { useShortcuts } from './useShortcuts';
import './shell.css';

/**
 * The signed-in app: the rail on the left, the current view beside it, the connection banner and
 * progress above, toasts and the quick switcher on top. Views are plain components.
 */
export function AppShell() {
  useEngineEvents();
  useShellNavigation();
  useShortcuts();
  const view = useNavigation((s) => s.view);
  const switcherOpen = useNavigation((s) => s.switcherOpen);

  return (
    <div className="app-shell" data-testid="app-shell" data-view={view}>
      <NavRail />
      <div className="app-content">
        <ConnectionBanner />
        <ProgressBar />
        <div className="view-area">
          {view === 'chats' ? <ChatsView /> : null}
          {view === 'contacts' ? <ContactsView /> : null}
          {view === 'groups' ? <GroupsView /> : null}
          {view === 'search' ? <SearchView /> : null}
          {view === 'settings' ? <SettingsView /> : null}
        </div>
      </div>
      <Toasts />
      {switcherOpen ? <QuickSwitcher /> : null}
    </div>
  );
}
