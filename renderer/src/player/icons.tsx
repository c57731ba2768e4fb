/** Transport icons as inline SVG: crisp at any DPI and independent of the fonts installed. */
const PATHS = {
  prevShot: 'M5 4h2v16H5zM19 4v16L8 12z',
  prevFrame: 'M17 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  nextFrame: 'M7 4v16l11-8z',
  nextShot: 'M17 4h2v16h-2zM5 4v16l11-8z',
  fullscreen: 'M4 4h6v2H6v4H4zM14 4h6v6h-2V6h-4zM4 14h2v4h4v2H4zM18 14h2v6h-6v-2h4z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
