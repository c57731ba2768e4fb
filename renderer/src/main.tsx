/** Entry: language, the API binding, the store, events, then the React tree. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { toSerializedError } from '../../shared/errors';
import { actions, runAction } from './actions';
import { createApi } from './api';
import { App } from './app/App';
import { AppProvider } from './app/context';
import { initI18n, initialLanguage, LANGUAGE_KEY } from './i18n';
import { bindApi } from './store/bindApi';
import { createAppStore } from './store/store';
import './styles/app.css';

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const rootEl = document.getElementById('root');
  if (!rootEl) return;
  const language = initialLanguage(savedLanguage(), navigator.language);
  const i18n = await initI18n(language);
  document.documentElement.lang = language;
  const root = createRoot(rootEl);
  let api;
  try {
    api = createApi(window);
  } catch (err) {
    // No token in the URL: say how to get the right one (text only, no markup).
    root.render(<p className="fatal">{toSerializedError(err).message}</p>);
    return;
  }
  const store = createAppStore({ language });
  const ctx = { api, store };
  bindApi(ctx);
  store.subscribe((s, prev) => {
    if (s.language === prev.language) return;
    void i18n.changeLanguage(s.language);
    document.documentElement.lang = s.language;
    try {
      localStorage.setItem(LANGUAGE_KEY, s.language);
    } catch {
      // Storage can be disabled; the choice then lasts for this session.
    }
  });
  root.render(
    <StrictMode>
      <AppProvider value={ctx}>
        <App />
      </AppProvider>
    </StrictMode>,
  );
  await runAction(ctx, actions['app.load'], undefined);
}

void main();
