/** English and Simplified Chinese, switchable live; the choice is kept in localStorage. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../store/state';

import { en, zhCN } from './resources';

export const LANGUAGE_KEY = 'storyboard.language';

/** Saved choice first, then the browser's language, then English. */
export function initialLanguage(saved: string | null, browser: string | undefined): Language {
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return browser?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    // React escapes text itself; escaping here too would show &lt; in prompts.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
