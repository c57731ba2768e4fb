/**
 * An element's reference pictures: each with a remove button, and a drop zone / file picker /
 * menu of the project's images that adds more (one undo step per change). Order matters: the first pictures are the ones a
 * model with few reference slots gets.
 */
import { useTranslation } from 'react-i18next';
import type { Element, ProjectSnapshot } from '../../../../shared/model/entities';
import { actions, runAction } from '../../actions';
import type { PictureSource } from '../../actions/payloads';
import { projectFile } from '../../api/client';
import { useAppContext } from '../../app/context';
import { assetById } from '../../store/selectors';
import { PictureDrop } from './PictureDrop';
import { ReusePicture } from './ReusePicture';

export function ElementPictures({ element, snapshot }: { element: Element; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const add = (pictures: PictureSource[]) => {
    if (pictures.length) void runAction(ctx, actions['element.addPictures'], { elementId: element.id, pictures });
  };
  // Images already in the project (first frames, other elements' pictures) can be reused as they are.
  const reusable = snapshot.assets.filter((a) => a.info.kind === 'image' && !element.refAssetIds.includes(a.id));
  return (
    <div className="element-pictures">
      <ul className="picture-list" aria-label={t('elements.pictures')}>
        {element.refAssetIds.map((assetId, i) => {
          const asset = assetById(snapshot, assetId);
          return (
            <li key={assetId} className="picture">
              {asset && (
                <img
                  src={ctx.api.mediaUrl(projectFile(snapshot.dir, asset.path))}
                  alt={t('elements.pictureAlt', { name: element.name, n: i + 1 })}
                />
              )}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={t('elements.removePictureNamed', { n: i + 1 })}
                onClick={() =>
                  void runAction(ctx, actions['element.removePicture'], { elementId: element.id, assetId })
                }
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <PictureDrop hint={t('elements.dropPictures')} testId="element-add-pictures" onAdd={add} />
      {reusable.length > 0 && <ReusePicture reusable={reusable} testId="element-reuse" onAdd={add} />}
    </div>
  );
}
