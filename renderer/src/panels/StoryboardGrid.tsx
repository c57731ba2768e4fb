/**
 * The storyboard view: shot cards in cut order, grouped under scene headings. Drag cards (or
 * the selected cards) to reorder — one shots.moveMany per drop, so one undo step; Alt+Arrow
 * moves the selection from the keyboard. Click selects, Ctrl/Cmd toggles, Shift extends. A long
 * storyboard (more than WHOLE cards) keeps only the rows near view in the DOM (VirtualCardRows).
 */
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actions, runAction } from '../actions';
import { orderedIds } from '../actions/selection';
import { useAppContext, useAppState } from '../app/context';
import { selection, setEditorUi } from '../store/uiEditor';
import { cutSeconds, orderedCut } from '../store/selectors';
import { dropIndex, groupByScene, nudgeIndex } from './gridModel';
import { SceneHeading } from './SceneHeading';
import { ShotCard } from './ShotCard';
import { VirtualCardRows, WHOLE } from './VirtualCardRows';

/** The narrowest card (px): `flex-basis` of `.library-body .grid-view.compact .card-item` and `.grid-view .card-item`. */
const CARD_WIDTH = { compact: 120, grid: 210 };

const DRAG_TYPE = 'application/x-storyboard-shots';

export function StoryboardGrid({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const snapshot = useAppState((s) => s.snapshot);
  // Read when needed, not subscribed: a selection change re-renders only the cards it
  // changes (each card subscribes to its own state), never all 500 (UI-3).
  const selectedNow = () => selection.getState().ids;
  const [dragging, setDragging] = useState<string[] | null>(null);
  const [gap, setGap] = useState<number | null>(null);
  const [heading, setHeading] = useState('');
  if (!snapshot) return null;
  const order = orderedIds(snapshot);
  const shots = [...snapshot.shots].sort((a, b) => a.position - b.position);
  const groups = groupByScene(shots, snapshot.scenes);
  const seconds = new Map(orderedCut(snapshot).map((c) => [c.shot.id, cutSeconds(c, snapshot)]));

  const move = (shotIds: string[], toIndex: number) =>
    void runAction(ctx, actions['shots.moveMany'], { shotIds, toIndex });
  const click = (id: string, e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => {
    const mode = e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'replace';
    selection.getState().select([id], mode, order);
  };
  const onKey = (id: string, e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const selected = selectedNow();
    const moving = selected.includes(id) ? [...selected] : [id];
    const to = nudgeIndex(order, moving, e.key === 'ArrowLeft' ? -1 : 1);
    if (to !== null) move(moving, to);
  };
  const dragStart = (id: string, e: DragEvent) => {
    const selected = selectedNow();
    const moving = selected.includes(id) ? order.filter((x) => selected.includes(x)) : [id];
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(moving));
    setDragging(moving);
  };
  const dragOver = (index: number, e: DragEvent) => {
    if (!dragging) return;
    e.preventDefault();
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    setGap(e.clientX < box.left + box.width / 2 ? index : index + 1);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    if (dragging && gap !== null) move(dragging, dropIndex(order, dragging, gap));
    setDragging(null);
    setGap(null);
  };
  const dragEnd = () => {
    setDragging(null);
    setGap(null);
  };

  const empty = () => <p className="muted small scene-empty">{t('editor.scene.empty')}</p>;
  const card = (id: string, index: number, lastOfGroup: boolean) => {
    const marker = gap === index ? ' drop-before' : gap === index + 1 && lastOfGroup ? ' drop-after' : '';
    return (
      <ShotCard
        key={id}
        shotId={id}
        index={index}
        seconds={seconds.get(id) ?? 0}
        className={`${dragging?.includes(id) ? 'dragging' : ''}${marker}`}
        onSelect={(e) => click(id, e)}
        onKeyDown={(e) => onKey(id, e)}
        onDragStart={(e) => dragStart(id, e)}
        onDragOver={(e) => dragOver(index, e)}
        onContextMenu={(e) => {
          e.preventDefault();
          if (!selectedNow().includes(id)) click(id, { shiftKey: false, ctrlKey: false, metaKey: false });
          setEditorUi({ contextMenu: { x: e.clientX, y: e.clientY, shotId: id } });
        }}
      />
    );
  };

  return (
    <section className={`strip grid-view${compact ? ' compact' : ''}`} aria-labelledby="strip-title">
      <div className="strip-toolbar">
        <h2 id="strip-title">{t('strip.title')}</h2>
        <div className="strip-tools">
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void runAction(ctx, actions['scene.add'], { heading }).then((ok) => ok && setHeading(''));
            }}
          >
            <input
              value={heading}
              onChange={(e) => setHeading(e.target.value)}
              placeholder={t('editor.scene.placeholder')}
              aria-label={t('editor.scene.heading')}
              data-testid="scene-heading-input"
            />
            <button
              type="submit"
              className="btn btn-secondary"
              disabled={heading.trim() === ''}
              data-testid="scene-add"
            >
              {t('editor.scene.add')}
            </button>
          </form>
        </div>
      </div>
      {order.length === 0 && snapshot.scenes.length === 0 ? (
        <div className="empty empty-teach" data-testid="empty-shots">
          <p>{t('strip.empty')}</p>
          <p className="muted small">{t('editor.grid.emptyHint')}</p>
        </div>
      ) : order.length > WHOLE ? (
        <VirtualCardRows
          groups={groups}
          cardWidth={compact ? CARD_WIDTH.compact : CARD_WIDTH.grid}
          rowEstimate={compact ? 216 : 244}
          heading={(g) => <SceneHeading scene={g.scene} count={g.shotIds.length} />}
          empty={empty}
          card={card}
          onDrop={drop}
          onDragEnd={dragEnd}
        />
      ) : (
        <div className="scene-groups" onDrop={drop} onDragEnd={dragEnd} data-testid="shot-list">
          {groups.map((g) => (
            <section key={g.key} className="scene-group" data-testid="scene-group">
              <SceneHeading scene={g.scene} count={g.shotIds.length} />
              {g.shotIds.length === 0 ? (
                empty()
              ) : (
                <ol className="cards">
                  {g.shotIds.map((id, i) => card(id, g.startIndex + i, i === g.shotIds.length - 1))}
                </ol>
              )}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
