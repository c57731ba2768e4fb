/**
 * Action-safe (90 %) and title-safe (80 %) rectangles over the viewer, the broadcast
 * convention (SMPTE RP 2046-1 keeps these percentages for HD): keep titles inside the inner
 * one, action inside the outer one. Drawn in the frame's own coordinates.
 */
export const SAFE_AREAS = { action: 0.9, title: 0.8 } as const;

export function safeRect(width: number, height: number, k: number): { x: number; y: number; w: number; h: number } {
  return { x: (width * (1 - k)) / 2, y: (height * (1 - k)) / 2, w: width * k, h: height * k };
}

export function SafeAreas({ width, height }: { width: number; height: number }) {
  return (
    <svg
      className="safe-areas"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      data-testid="safe-areas"
    >
      {(['action', 'title'] as const).map((k) => {
        const r = safeRect(width, height, SAFE_AREAS[k]);
        return <rect key={k} className={`safe-${k}`} x={r.x} y={r.y} width={r.w} height={r.h} />;
      })}
    </svg>
  );
}
