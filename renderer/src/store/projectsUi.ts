/**
 * Window UI state of finding a project (never part of a document): the recent projects and
 * the folder browser (its listing and where the chosen folder goes). Written by
 * actions/folderActions.ts.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { FolderListing, RecentProject } from '../../../shared/api/folders';

export interface FolderBrowserState {
  listing: FolderListing | null;
  /** Receives the chosen folder (the field that opened the browser). */
  onChoose: (path: string) => void;
}

export interface ProjectsUiState {
  /** project.recent's answer (null until asked). */
  recent: RecentProject[] | null;
  browser: FolderBrowserState | null;
}

export const projectsUi = createStore<ProjectsUiState>()(() => ({ recent: null, browser: null }));

export function setProjectsUi(patch: Partial<ProjectsUiState>): void {
  projectsUi.setState(patch);
}

export function useProjectsUi<T>(selector: (s: ProjectsUiState) => T): T {
  return useStore(projectsUi, selector);
}
