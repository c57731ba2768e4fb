/**
 * Template variables through dispatch(), on real SQLite and real ffprobe: defined, edited and
 * removed one undo step each, stored with the project; an unresolved variable refuses the
 * generation estimate and the export with the list (which variable in which shot), nothing
 * written; once resolved, the generation request carries the values and the picture slot as
 * the shot's first frame.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../../electron/services/generation/plan.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { call, closeServices, failure, servicesWithProject } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { jpegImage, pngImage } from '../../helpers/media.js';

const root = tempDir();

describe('template variables', () => {
  it('are stored with the project, one undo step per edit, and resolve into the generation request', async () => {
    const s = await servicesWithProject(root, 'vars');
    const { shotId: packshot } = await call(s, 'shots.add', { prompt: 'Packshot', durationSec: 2 });
    const { shotId: card } = await call(s, 'shots.add', {
      prompt: '{{product}}: {{tagline}} — only {{price}}',
      title: '{{product}}',
      durationSec: 2,
    });
    await call(s, 'template.set', { name: 'product', kind: 'text', value: 'Lumo 2' });
    await call(s, 'template.set', { name: 'tagline', kind: 'text', value: 'Light that follows you' });
    await call(s, 'template.set', { name: 'price', kind: 'text', value: '' });
    const withSlot = await call(s, 'template.set', {
      name: 'packshot',
      kind: 'picture',
      picture: { path: pngImage() },
      firstFrameShotIds: [packshot],
    });
    expect(withSlot.templateVariables?.map((v) => [v.name, v.kind])).toEqual([
      ['product', 'text'],
      ['tagline', 'text'],
      ['price', 'text'],
      ['packshot', 'picture'],
    ]);
    expect((await call(s, 'history.state', {})).undoLabel).toBe('template.set');

    // Unresolved {{price}}: the estimate (and so generation) and the export refuse with the list.
    const refused = await failure(call(s, 'generate.estimate', {}));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('shot 2 prompt: {{price}} has no value');
    const exportRefused = await failure(
      call(s, 'export.subtitles', { outPath: join(root, 'vars.srt'), format: 'srt' }),
    );
    expect(exportRefused.message).toContain('block export: shot 2 prompt: {{price}}');

    const set = await call(s, 'template.setValues', { text: { price: '$49' }, pictures: {} });
    expect(set.templateVariables?.find((v) => v.name === 'price')?.value).toBe('$49');
    expect((await call(s, 'history.state', {})).undoLabel).toBe('template.setValues');
    expect((await call(s, 'generate.estimate', {})).jobs).toBe(2);

    // Undo brings the empty price back; redo the value.
    expect((await call(s, 'history.undo', {})).templateVariables?.find((v) => v.name === 'price')?.value).toBe('');
    await call(s, 'history.redo', {});

    // A new picture for the slot (a row's packshot), then the request as planned.
    const next = await call(s, 'template.setValues', { pictures: { packshot: { path: jpegImage() } } });
    const slot = next.templateVariables?.find((v) => v.name === 'packshot');
    expect(slot?.assetId).toBe(next.assets.find((a) => a.originalName.endsWith('.jpg'))?.id);
    await closeServices(s);

    const store = ProjectStore.open(join(root, 'vars'));
    try {
      const planned = planBatch({ store } as never, {});
      const byShot = new Map(planned.map((p) => [p.shot.id, p.request]));
      expect(byShot.get(card)?.prompt).toContain('Lumo 2: Light that follows you — only $49');
      expect(byShot.get(card)?.title).toBe('Lumo 2');
      expect(byShot.get(packshot)?.firstFrame?.assetId).toBe(slot?.assetId);
      // The document itself keeps the template text.
      expect(store.snapshot().shots[1]?.prompt).toBe('{{product}}: {{tagline}} — only {{price}}');
    } finally {
      store.close();
    }
  });

  it('refuses bad names, wrong kinds, unknown variables and non-picture files, with nothing written', async () => {
    const s = await servicesWithProject(root, 'bad');
    await call(s, 'template.set', { name: 'product', kind: 'text', value: 'A' });
    const before = await call(s, 'history.state', {});
    expect((await failure(call(s, 'template.set', { name: '1product', kind: 'text', value: '' }))).code).toBe(
      'INVALID_INPUT',
    );
    expect((await failure(call(s, 'template.setValues', { text: { nope: 'x' } }))).message).toContain(
      'no template variable {{nope}}',
    );
    expect(
      (await failure(call(s, 'template.setValues', { pictures: { product: { path: pngImage() } } }))).message,
    ).toContain('{{product}} is a text variable');
    expect(
      (await failure(call(s, 'template.set', { name: 'logo', kind: 'picture', firstFrameShotIds: ['no-such-shot'] })))
        .code,
    ).toBe('NOT_FOUND');
    expect(await call(s, 'history.state', {})).toEqual(before);
    const removed = await call(s, 'template.remove', { name: 'product' });
    expect(removed.templateVariables).toEqual([]);
    expect((await call(s, 'history.undo', {})).templateVariables?.map((v) => v.name)).toEqual(['product']);
  });
});
