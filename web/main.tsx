import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyDocumentLocale, createI18n, detectLocale } from './i18n/index.ts';
import { createQueryClient } from './lib/query.ts';

const locale = detectLocale();
applyDocumentLocale(locale);
const i18n = createI18n(locale);
i18n.on('languageChanged', (lng) => {
  document.title = i18n.t('app.documentTitle', { lng });
});
document.title = i18n.t('app.documentTitle');

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} i18n={i18n} />
  </StrictMode>,
);
