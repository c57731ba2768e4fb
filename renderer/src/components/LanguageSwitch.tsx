/** English / 简体中文. Each option is written in its own language so anyone can find theirs. */
import { useTranslation } from 'react-i18next';
import { useAppContext, useAppState } from '../app/context';
import { LANGUAGES, type Language } from '../store/state';

const NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const language = useAppState((s) => s.language);
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select
        value={language}
        data-testid="language"
        aria-label={t('app.language')}
        onChange={(e) => store.getState().setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
