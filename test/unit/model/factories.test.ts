/** The factories give every field a valid default, so a fixture built through them passes the schema. */
import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../shared/model/entities.js';
import { newProject } from '../../../shared/model/factories.js';

const init = { id: 'p', name: 'Lake 湖', aspect: '16:9', width: 1280, height: 720, fps: { num: 24, den: 1 } } as const;

describe('newProject', () => {
  it('fills the defaults of a new project: no style, the offline animatic, English, no budget cap', () => {
    const p = newProject({ ...init, createdAt: '' });
    expect(ProjectSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({ stylePrompt: '', styleRefAssetIds: [], defaultProvider: 'animatic', language: 'en' });
    expect(p.budgetCap).toBeNull();
  });

  it("keeps the schema's key order and lets the caller override any default in place", () => {
    const p = newProject({ ...init, createdAt: 'now', language: 'zh-CN', budgetCap: 5 });
    expect(Object.keys(p)).toEqual(Object.keys(ProjectSchema.shape).filter((k) => k in p));
    expect(p).toMatchObject({ language: 'zh-CN', budgetCap: 5, createdAt: 'now' });
  });
});
