/** Entry point of the dashboard bundle. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api.js';
import { ApiProvider } from './api-context.js';
import { App, NeedsLink } from './app.js';
import './styles.css';
import './screens.css';
import './forms.css';
import './clients.css';
import './charts.css';
import './import.css';
import './first-run.css';

const container = document.getElementById('root');
if (!container) throw new Error('no #root element');
const api = getApi();
createRoot(container).render(
  <StrictMode>
    {api ? (
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    ) : (
      <NeedsLink />
    )}
  </StrictMode>,
);
