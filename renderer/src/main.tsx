import { createRoot } from 'react-dom/client';
import { loadApi } from './api/loadApi';
import { App } from './app/App';
import { BootError } from './components/BootError';
import { createChatStore } from './state/chatStore';
import './theme/theme.css';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

loadApi().then(
  (api) => root.render(<App api={api} store={createChatStore()} />),
  (error: unknown) =>
    root.render(<BootError message={error instanceof Error ? error.message : String(error)} />),
);
