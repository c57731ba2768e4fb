/** Hooks over the editor UI stores (view, selection, overlays). */
import { useStore } from 'zustand';
import { editorUi, selection, type EditorUiState } from '../store/uiEditor';
import type { SelectionState } from '../store/selection';

export function useEditorUi<T>(selector: (s: EditorUiState) => T): T {
  return useStore(editorUi, selector);
}

export function useSelection<T>(selector: (s: SelectionState) => T): T {
  return useStore(selection, selector);
}
