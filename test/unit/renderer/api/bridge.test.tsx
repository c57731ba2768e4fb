import { describe, expect, it } from 'vitest';
import { electronMediaUrl } from '../../../../renderer/src/api/bridge';
import { createElectronClient } from '../../../../renderer/src/api/electronClient';
import { projectFile } from '../../../../renderer/src/api/client';

describe('Electron binding', () => {
  it('builds media:// URLs the way electron/main/protocol/mediaPath.ts reads them', () => {
    expect(electronMediaUrl('/home/ana/My Film/media/ab/abcd.mp4')).toBe(
      'media://local/home/ana/My%20Film/media/ab/abcd.mp4',
    );
    expect(electronMediaUrl('C:\\Users\\ana\\film/media/x 1%.mp4')).toBe(
      'media://local/C%3A/Users/ana/film/media/x%201%25.mp4',
    );
  });

  it('joins a project folder and an asset path', () => {
    expect(projectFile('/films/lake/', 'media/ab/c.mp4')).toBe('/films/lake/media/ab/c.mp4');
    expect(projectFile('C:\\films\\lake', 'media/c.png')).toBe('C:\\films\\lake/media/c.png');
  });

  it('turns a failed DispatchResult into an AppError with its code', async () => {
    const client = createElectronClient({
      call: async (method) =>
        method === 'app.info'
          ? { ok: true, value: { version: '1' } }
          : { ok: false, error: { code: 'NO_PROJECT', message: 'No project is open.' } },
      on: () => () => undefined,
      getPathForFile: (f) => (f.name === 'memory.png' ? '' : `/picked/${f.name}`),
    });
    await expect(client.call('app.info', {})).resolves.toEqual({ version: '1' });
    await expect(client.call('project.current', {})).rejects.toMatchObject({
      code: 'NO_PROJECT',
      message: 'No project is open.',
    });
    await expect(client.importFile(new File(['x'], 'a.png'))).resolves.toBe('/picked/a.png');
    await expect(client.importFile(new File(['x'], 'memory.png'))).rejects.toMatchObject({ code: 'MEDIA_MISSING' });
  });

  it('passes native menu choices on by action id', () => {
    let menuListener: ((payload: unknown) => void) | null = null;
    const client = createElectronClient({
      call: async () => ({ ok: true, value: null }),
      on: (event, listener) => {
        if (event === 'menu.action') menuListener = listener;
        return () => undefined;
      },
      getPathForFile: () => '',
    });
    const ids: string[] = [];
    client.onMenu?.((id) => ids.push(id));
    menuListener!({ id: 'history.undo' });
    menuListener!({ nope: 1 });
    expect(ids).toEqual(['history.undo']);
  });
});
