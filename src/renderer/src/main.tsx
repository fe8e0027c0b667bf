// First: in development, React Fast Refresh's preamble as a module, since the CSP refuses the inline
// script Vite would add for it. Empty in a production build.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openTransport } from './api/open-transport';
import { App } from './App';
import { TokenNotice } from './components/TokenNotice';
import { startPcmCapture } from './recording/pcm-capture';
import { createStores } from './stores/stores';
import { StoresProvider } from './stores/stores-context';
import './styles.css';
import './styles/components.css';
import './styles/items.css';
import './styles/detail.css';
import './styles/dead-letters.css';
import './styles/intake.css';
import './styles/settings.css';
import './styles/memories.css';
import './styles/services.css';
import './styles/narrow.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = createRoot(container);
void openTransport(window).then((opened) => {
  const stores = opened.kind === 'ready' ? createStores(opened.transport, startPcmCapture) : null;
  root.render(
    <StrictMode>
      {stores ? (
        <StoresProvider stores={stores}>
          <App />
        </StoresProvider>
      ) : (
        <TokenNotice reason={opened.kind === 'no-session' ? opened.reason : 'missing'} />
      )}
    </StrictMode>,
  );
});
