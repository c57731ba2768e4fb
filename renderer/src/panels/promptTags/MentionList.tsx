/**
 * The @ picker's popover: the elements that match what was typed after the @, each with its
 * face (first reference picture), name, tag and kind; the active one marked for
 * aria-activedescendant on the field (the field keeps the focus: the WAI-ARIA combobox pattern,
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). A press on an option does not take the
 * focus from the field (mousedown default prevented), so the field's draft is not committed
 * half-typed by a blur.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Element, ProjectSnapshot } from '../../../../shared/model/entities';
import { ElementThumb } from '../elements/ElementThumb';

export interface MentionListProps {
  id: string;
  /** The elements that match, best first. */
  options: readonly Element[];
  /** How many elements the project has (0: the empty state points at the Library). */
  total: number;
  query: string;
  active: number;
  snapshot: ProjectSnapshot;
  style?: CSSProperties;
  onPick(element: Element): void;
  onHover(index: number): void;
}

export const optionId = (listId: string, index: number): string => `${listId}-option-${index}`;

export function MentionList({ id, options, total, query, active, snapshot, style, onPick, onHover }: MentionListProps) {
  const { t } = useTranslation();
  return (
    <div className="mention-popover" style={style} data-testid="mention-picker">
      {options.length > 0 ? (
        <ul role="listbox" id={id} aria-label={t('promptTags.picker.label')} className="mention-list">
          {options.map((e, i) => (
            <li
              key={e.id}
              id={optionId(id, i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'mention-option active' : 'mention-option'}
              data-testid="mention-option"
              data-element-id={e.id}
              onMouseDown={(ev) => ev.preventDefault()}
              onMouseEnter={() => onHover(i)}
              onClick={() => onPick(e)}
            >
              <ElementThumb element={e} snapshot={snapshot} />
              <span className="mention-text">
                <span className="mention-name">{e.name}</span>
                <span className="mention-tag">{e.tag}</span>
              </span>
              <span className="mention-kind">{t(`elements.kinds.${e.kind}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mention-empty" role="status" data-testid="mention-empty">
          {total === 0 ? t('promptTags.picker.noElements') : t('promptTags.picker.noMatch', { query: `@${query}` })}
        </p>
      )}
      {options.length > 0 && <p className="mention-help">{t('promptTags.picker.help')}</p>}
    </div>
  );
}
