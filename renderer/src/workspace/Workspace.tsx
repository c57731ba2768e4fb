/**
 * The editor's workspace, laid out like an NLE: the top bar; the Library on the left, the
 * Viewer (or the storyboard grid) in the centre, the Inspector on the right; the Timeline
 * along the bottom at full width. Each pane is an ARIA region with a name, resizes by its
 * splitter and collapses to a rail; the layout is remembered (store/layout.ts). The page
 * itself never scrolls: every pane scrolls inside itself.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useEditorUi } from '../app/useEditor';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProjectHeader } from '../panels/ProjectHeader';
import { useJobsSync } from '../panels/useJobsSync';
import { StoryboardGrid } from '../panels/StoryboardGrid';
import { CHROME, fitLayout, layout } from '../store/layout';
import { InspectorPane } from './InspectorPane';
import { LibraryPane } from './LibraryPane';
import { PaneRail, Splitter } from './Splitter';
import { TimelinePane } from './TimelinePane';
import { ViewerPane } from './ViewerPane';
import './workspace.css';

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const on = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

export function Workspace() {
  const { t } = useTranslation();
  const view = useEditorUi((s) => s.view);
  // The jobs badge and the budget chip need the job list whether or not the popover is open.
  useJobsSync();
  const stored = useStore(layout);
  const l = fitLayout(stored, useWindowSize());
  const col = (pane: 'library' | 'inspector', px: number) => (l.collapsed[pane] ? `${CHROME.rail}px` : `${px}px`);
  const columns = `${col('library', l.libraryWidth)} ${CHROME.splitter}px minmax(0, 1fr) ${CHROME.splitter}px ${col('inspector', l.inspectorWidth)}`;
  const rows = `auto minmax(0, 1fr) ${CHROME.splitter}px ${l.collapsed.timeline ? `${CHROME.rail}px` : `${l.timelineHeight}px`}`;
  return (
    <div
      className="nle editor"
      data-view={view}
      data-testid="workspace"
      style={{ gridTemplateColumns: columns, gridTemplateRows: rows }}
    >
      <div className="nle-top">
        <ProjectHeader />
        <ErrorMessage place="app" />
      </div>
      <section className="pane nle-library" aria-label={t('workspace.regions.library')} data-testid="region-library">
        {l.collapsed.library ? <PaneRail pane="library" /> : <LibraryPane />}
      </section>
      <Splitter pane="library" grow={1} />
      <div className="nle-centre">
        {view === 'grid' ? (
          <section
            className="pane nle-grid"
            aria-label={t('workspace.regions.storyboard')}
            data-testid="region-storyboard"
          >
            <StoryboardGrid />
          </section>
        ) : (
          <ViewerPane />
        )}
      </div>
      <Splitter pane="inspector" grow={-1} />
      <section
        className="pane nle-inspector"
        aria-label={t('workspace.regions.inspector')}
        data-testid="region-inspector"
      >
        {l.collapsed.inspector ? (
          <PaneRail pane="inspector" />
        ) : (
          <>
            {view === 'grid' && <ViewerPane compact />}
            <InspectorPane />
          </>
        )}
      </section>
      <Splitter pane="timeline" grow={-1} />
      <section className="pane nle-timeline" aria-label={t('workspace.regions.timeline')} data-testid="region-timeline">
        {l.collapsed.timeline ? <PaneRail pane="timeline" /> : <TimelinePane />}
      </section>
    </div>
  );
}
