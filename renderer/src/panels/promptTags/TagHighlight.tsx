/**
 * The layer drawn behind a prompt field: the same text in the same font, wrapping and scroll as
 * the textarea, invisible except for a tinted chip behind each known tag and a warning tint with
 * a wavy underline behind each @word no element has (the "mirror" technique of
 * component/textarea-caret-position: a div styled exactly like the textarea). Marks change no
 * metrics (background and shadow only), so the field's own text sits on them. The @ of the
 * mention being typed is a span the popover is anchored at.
 */
import { forwardRef, type ReactNode } from 'react';
import type { Element } from '../../../../shared/model/entities';
import type { PromptSegment } from '../../../../shared/model/promptTags';

interface Props {
  segments: readonly PromptSegment<Element>[];
  /** Where the @ of the open mention is (null: no anchor). */
  anchor: number | null;
}

const CLASS: Record<PromptSegment<Element>['kind'], string | undefined> = {
  text: undefined,
  tag: 'tag-mark',
  unknown: 'tag-mark tag-unknown',
};

function withAnchor(seg: PromptSegment<Element>, anchor: number | null): ReactNode {
  const at = anchor === null ? -1 : anchor - seg.start;
  if (at < 0 || at >= seg.text.length) return seg.text;
  return (
    <>
      {seg.text.slice(0, at)}
      <span className="tag-anchor" data-tag-anchor="">
        @
      </span>
      {seg.text.slice(at + 1)}
    </>
  );
}

export const TagHighlight = forwardRef<HTMLDivElement, Props>(function TagHighlight({ segments, anchor }, ref) {
  return (
    <div ref={ref} className="tag-mirror" aria-hidden="true" data-testid="tag-highlight">
      {segments.map((seg) => {
        const cls = CLASS[seg.kind];
        const body = withAnchor(seg, anchor);
        if (!cls) return <span key={seg.start}>{body}</span>;
        return (
          <mark
            key={seg.start}
            className={cls}
            data-tag={seg.text}
            data-kind={seg.kind}
            {...(seg.kind === 'tag' ? { 'data-element-id': seg.element.id } : {})}
          >
            {body}
          </mark>
        );
      })}
      {/* A last empty line of the textarea (text ending in a newline) gets a line box here too. */}
      {'\u200b'}
    </div>
  );
});
