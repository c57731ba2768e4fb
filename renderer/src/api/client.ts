/**
 * The one client the UI talks to: the contract (StoryboardApi) plus the two things that differ
 * per host, media URLs and handing over a local file. Chosen once at start-up.
 */
import type { StoryboardApi } from '../../../shared/api/contract';

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

export interface ApiClient extends StoryboardApi {
  readonly kind: 'electron' | 'browser';
  /** A URL the page may load (img/video src) for a file inside the open project. */
  mediaUrl(absPath: string): string;
  /** Makes a user-picked file available to the services and returns its path for them. */
  importFile(file: File): Promise<string>;
  /** Connection state changes; an open after a drop means state must be fetched again. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  readonly status: ConnectionStatus;
  /** Native menu choices (Electron only): the id of the action to run. */
  onMenu?(listener: (actionId: string) => void): () => void;
}

/** Joins the project folder and an asset's relative path (always forward slashes). */
export function projectFile(dir: string, relPath: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${relPath.replace(/^\/+/, '')}`;
}
