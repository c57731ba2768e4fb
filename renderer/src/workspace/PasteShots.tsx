/**
 * Paste a shot list: one shot per line, `prompt | 3s | push_in` (duration and camera move
 * optional, in any order after the prompt). The lines are checked first (shared/model/shotList.ts)
 * and every problem is named by its line; nothing is added until the whole list is good, then
 * all the shots are added in ONE edit (one undo step) after the selection. Each line's prompt
 * takes @tags like any prompt field (the @ picker, the tag highlight).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseShotList } from '../../../shared/model/shotList';
import { useAction } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { TagTextarea } from '../panels/promptTags/TagTextarea';

export function PasteShots() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const parsed = useMemo(() => parseShotList(text), [text]);
  const payload = useMemo(() => ({ lines: parsed.ok ? parsed.shots : [] }), [parsed]);
  const add = useAction('shots.paste', payload);
  const problems = parsed.ok ? [] : parsed.problems;
  return (
    <details className="paste-shots" data-testid="paste-shots">
      <summary>{t('workspace.paste.title')}</summary>
      <form
        className="paste-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add.run().then((ok) => ok && setText(''));
        }}
      >
        <TagTextarea
          value={text}
          onValueChange={setText}
          rows={5}
          placeholder={t('workspace.paste.placeholder')}
          aria-label={t('workspace.paste.title')}
          data-testid="paste-shots-input"
          aria-invalid={problems.length > 0}
        />
        {problems.length > 0 && (
          <ul className="field-error small" data-testid="paste-shots-problems">
            {problems.slice(0, 5).map((p) => (
              <li key={p.line}>{t(`workspace.paste.problem.${p.code}`, { line: p.line, value: p.value })}</li>
            ))}
          </ul>
        )}
        <ErrorMessage place="paste" />
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={!add.enabled || !parsed.ok}
          data-testid="paste-shots-submit"
        >
          {t('workspace.paste.submit', { count: parsed.ok ? parsed.shots.length : 0 })}
        </button>
      </form>
    </details>
  );
}
