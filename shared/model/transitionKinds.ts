/**
 * The transition kinds, the ONE vocabulary: the list the schema and the contract take, and one
 * table row per overlapping kind with everything each consumer needs (the export's ffmpeg
 * filter, every hand-off format's effect, how the player draws it). A new kind is a new name
 * in TRANSITION_KINDS plus its row (the compiler asks for it through `satisfies`) plus its label
 * in the i18n files; consumers read the row, none matches on a kind name.
 */
import { z } from 'zod';

/** Every kind; wipes and slides name the direction the edge / picture moves (xfade's wipeleft, slideleft, …). */
export const TRANSITION_KINDS = [
  'cut',
  'crossfade',
  'dip_to_black',
  'dip_to_white',
  'wipe_left',
  'wipe_right',
  'wipe_up',
  'wipe_down',
  'slide_left',
  'slide_right',
  'slide_up',
  'slide_down',
] as const;
export const TransitionKindSchema = z.enum(TRANSITION_KINDS);
export type TransitionKind = z.infer<typeof TransitionKindSchema>;
/** The kinds that overlap their neighbours (every kind but a cut). */
export type OverlapKind = Exclude<TransitionKind, 'cut'>;

export const DIRECTIONS = ['left', 'right', 'up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * The picture: a dissolve lays the incoming picture over the outgoing one; a dip fades out to
 * its colour in the first half and in from it in the second; a wipe uncovers the incoming
 * picture with an edge moving in its direction; a slide moves both pictures in its direction.
 */
export type TransitionPicture =
  | { style: 'dissolve' }
  | { style: 'dip'; colour: 'black' | 'white' }
  | { style: 'wipe'; direction: Direction }
  | { style: 'slide'; direction: Direction };

export interface TransitionLook {
  picture: TransitionPicture;
  /** The ffmpeg `xfade` transition (libavfilter/vf_xfade.c names, `ffmpeg -h filter=xfade` on 5.1). */
  xfade: string;
  /** Final Cut Pro X's built-in effect (FCPXML `<effect>` name and uid). */
  fcpxml: { name: string; uid: string };
  /** JianyingPro's transition material (draft_content.json `materials.transitions`). */
  jianying: { name: string; effect_id: string; resource_id: string; is_overlap: boolean };
  /** The OpenTimelineIO Transition's name (its type is SMPTE_Dissolve for every kind). */
  otioName: string;
  /** Shotcut's `shotcut:transition` of the transition tractor in MLT XML (dipToBlack adds its brightness dip). */
  shotcut: 'lumaMix' | 'dipToBlack';
  /** The CMX 3600 comment line after the dissolve event, or null for none. */
  edlEffect: string | null;
}

/** Hand-off formats without an effect of their own for a kind keep a dissolve there. */
const DISSOLVE_HANDOFF = {
  fcpxml: { name: 'Cross Dissolve', uid: 'FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265' },
  jianying: { name: '叠化', effect_id: '322577', resource_id: '6724845717472416269', is_overlap: true },
  otioName: 'Cross dissolve',
  shotcut: 'lumaMix',
  edlEffect: null,
} as const;

const wipe = (direction: Direction): TransitionLook => ({
  picture: { style: 'wipe', direction },
  xfade: `wipe${direction}`,
  ...DISSOLVE_HANDOFF,
});
const slide = (direction: Direction): TransitionLook => ({
  picture: { style: 'slide', direction },
  xfade: `slide${direction}`,
  ...DISSOLVE_HANDOFF,
});

export const TRANSITION_LOOKS = {
  crossfade: { picture: { style: 'dissolve' }, xfade: 'fade', ...DISSOLVE_HANDOFF },
  dip_to_black: {
    picture: { style: 'dip', colour: 'black' },
    xfade: 'fadeblack',
    fcpxml: { name: 'Fade To Color', uid: 'FxPlug:F779C565-486D-4633-8035-0374B4DB8F5C' },
    jianying: { name: '闪黑', effect_id: '321493', resource_id: '6724239388189921806', is_overlap: false },
    otioName: 'Dip to black',
    shotcut: 'dipToBlack',
    edlEffect: '* EFFECT: DIP TO BLACK',
  },
  dip_to_white: { picture: { style: 'dip', colour: 'white' }, xfade: 'fadewhite', ...DISSOLVE_HANDOFF },
  wipe_left: wipe('left'),
  wipe_right: wipe('right'),
  wipe_up: wipe('up'),
  wipe_down: wipe('down'),
  slide_left: slide('left'),
  slide_right: slide('right'),
  slide_up: slide('up'),
  slide_down: slide('down'),
} as const satisfies Record<OverlapKind, TransitionLook>;

/** The overlapping kinds in table order. */
export const OVERLAP_KINDS = Object.keys(TRANSITION_LOOKS) as OverlapKind[];

/** The row of an overlapping kind; a cut has none. */
export function transitionLook(kind: TransitionKind): TransitionLook | null {
  return kind === 'cut' ? null : TRANSITION_LOOKS[kind];
}

/** A kind with a direction is listed once in menus: its family (wipe, slide) plus a direction. */
export type TransitionFamily = Exclude<TransitionKind, `${'wipe' | 'slide'}_${Direction}`> | 'wipe' | 'slide';

/** The menu entry and direction of a kind: wipe_left -> wipe, left. */
export function kindFamily(kind: TransitionKind): { family: TransitionFamily; direction: Direction | null } {
  const picture = transitionLook(kind)?.picture;
  if (picture && (picture.style === 'wipe' || picture.style === 'slide'))
    return { family: picture.style, direction: picture.direction };
  return { family: kind as TransitionFamily, direction: null };
}

/** The kind of a menu entry and direction (a wipe or slide goes left unless told). */
export function kindOf(family: TransitionFamily, direction: Direction | null): TransitionKind {
  return family === 'wipe' || family === 'slide' ? `${family}_${direction ?? 'left'}` : family;
}

/** What the kind menu lists, in vocabulary order: each family once. */
export const TRANSITION_FAMILIES: readonly TransitionFamily[] = [
  ...new Set(TRANSITION_KINDS.map((k) => kindFamily(k).family)),
];
