/** An element's first reference picture (the image file itself: pictures are small stills), or its initial. */
import type { ReactNode } from 'react';
import type { Element, ProjectSnapshot } from '../../../../shared/model/entities';
import { projectFile } from '../../api/client';
import { useAppContext } from '../../app/context';
import { assetById } from '../../store/selectors';
import './elements.css';

export function ElementThumb({
  element,
  snapshot,
  size = 'small',
}: {
  element: Element;
  snapshot: ProjectSnapshot;
  size?: 'small' | 'large';
}) {
  const { api } = useAppContext();
  const asset = assetById(snapshot, element.refAssetIds[0] ?? null);
  return (
    <span className={`element-thumb element-thumb-${size}`} aria-hidden="true">
      {asset ? (
        <img src={api.mediaUrl(projectFile(snapshot.dir, asset.path))} alt="" draggable={false} />
      ) : (
        <span>{[...element.name][0] ?? '?'}</span>
      )}
    </span>
  );
}

/** A small chip: thumbnail and @tag (the name as its tooltip). */
export function ElementChip({
  element,
  snapshot,
  children,
}: {
  element: Element;
  snapshot: ProjectSnapshot;
  children?: ReactNode;
}) {
  return (
    <span className="chip element-chip" title={element.name} data-testid="element-chip" data-element-id={element.id}>
      <ElementThumb element={element} snapshot={snapshot} />
      <span>{element.tag}</span>
      {children}
    </span>
  );
}
