/**
 * A drop zone for image files (first/last frames, element pictures): the `over` highlight
 * while files are dragged above it, and the dropped images handed to `onImages`. Other drags
 * (text, a shot card) are not accepted, so the browser does not open the file either.
 */
import { useState, type DragEvent } from 'react';

export function useImageDrop(onImages: (files: File[]) => void): {
  over: boolean;
  dropProps: { onDragOver: (e: DragEvent) => void; onDragLeave: () => void; onDrop: (e: DragEvent) => void };
} {
  const [over, setOver] = useState(false);
  return {
    over,
    dropProps: {
      onDragOver: (e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          setOver(true);
        }
      },
      onDragLeave: () => setOver(false),
      onDrop: (e) => {
        e.preventDefault();
        setOver(false);
        const images = [...e.dataTransfer.files].filter((f) => f.type.startsWith('image/'));
        if (images.length) onImages(images);
      },
    },
  };
}
