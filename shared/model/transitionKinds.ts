/**
 * The transition kinds, the ONE vocabulary: the list the schema and the contract take, and one
 * table row per overlapping kind with everything each consumer needs (the export's ffmpeg
 * filter, every hand-off format's effect, how the player and the timeline draw it). A new kind
 * is a new name in TRANSITION_KINDS plus its row (the compiler asks for it through `satisfies`)
 * plus its label in the i18n files; no consumer matches on a kind name.
 */
import { z } from 'zod';

export const TRANSITION_KINDS = ['cut', 'crossfade', 'dip_to_black'] as const;
export const TransitionKindSchema = z.enum(TRANSITION_KINDS);
export type TransitionKind = z.infer<typeof TransitionKindSchema>;
/** The kinds that overlap their neighbours (every kind but a cut). */
export type OverlapKind = Exclude<TransitionKind, 'cut'>;

export interface TransitionLook {
  /**
   * The picture: 'dissolve' lays the incoming picture over the outgoing one (and crossfades the
   * sound linearly); 'dip' fades out to black in the first half and in from black in the second
   * (each side's sound follows its picture).
   */
  picture: 'dissolve' | 'dip';
  /** The ffmpeg `xfade` transition (https://ffmpeg.org/ffmpeg-filters.html#xfade). */
  xfade: string;
  /** Final Cut Pro X's built-in effect (FCPXML `<effect>` name and uid). */
  fcpxml: { name: string; uid: string };
  /** JianyingPro's transition material (draft_content.json `materials.transitions`). */
  jianying: { name: string; effect_id: string; resource_id: string; is_overlap: boolean };
  /** The OpenTimelineIO Transition's name (its type is SMPTE_Dissolve for every kind). */
  otioName: string;
  /** Shotcut's `shotcut:transition` property of the transition tractor in MLT XML. */
  shotcut: string;
  /** The CMX 3600 comment line after the dissolve event, or null for none. */
  edlEffect: string | null;
}

export const TRANSITION_LOOKS = {
  crossfade: {
    picture: 'dissolve',
    xfade: 'fade',
    fcpxml: { name: 'Cross Dissolve', uid: 'FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265' },
    jianying: { name: '叠化', effect_id: '322577', resource_id: '6724845717472416269', is_overlap: true },
    otioName: 'Cross dissolve',
    shotcut: 'lumaMix',
    edlEffect: null,
  },
  dip_to_black: {
    picture: 'dip',
    xfade: 'fadeblack',
    fcpxml: { name: 'Fade To Color', uid: 'FxPlug:F779C565-486D-4633-8035-0374B4DB8F5C' },
    jianying: { name: '闪黑', effect_id: '321493', resource_id: '6724239388189921806', is_overlap: false },
    otioName: 'Dip to black',
    shotcut: 'dipToBlack',
    edlEffect: '* EFFECT: DIP TO BLACK',
  },
} as const satisfies Record<OverlapKind, TransitionLook>;

/** The overlapping kinds in table order (FCPXML numbers its effect resources in this order). */
export const OVERLAP_KINDS = Object.keys(TRANSITION_LOOKS) as OverlapKind[];

/** The row of an overlapping kind; a cut has none. */
export function transitionLook(kind: TransitionKind): TransitionLook | null {
  return kind === 'cut' ? null : TRANSITION_LOOKS[kind];
}
