/**
 * Contract handlers of the `keyframes.*` namespace (shared/api/keyframes.ts): estimate, the
 * request as it would be sent, making variations through the durable job queue (anything a crash
 * left is finished first: polled by task id, never sent twice) and picking one as a frame.
 */
import { listImageProviders } from '../generation/images/index.js';
import {
  estimateKeyframes,
  makeKeyframes,
  pickKeyframe,
  planKeyframes,
  resumeImageJobs,
  type KeyframeDeps,
} from '../keyframes/keyframeJobs.js';
import { estimateBridge, insertBridge } from '../keyframes/bridge.js';
import { insertChainLink, planChain } from '../keyframes/chainExtend.js';
import { estimateJobs } from '../generation/cost.js';
import { importFile } from '../media/mediaStore.js';
import {
  estimateUpscale,
  planUpscale,
  resumeUpscaleJobs,
  upscaleTake,
  type UpscaleDeps,
} from '../upscale/upscaleJobs.js';
import { listUpscalers } from '../upscale/upscalers.js';
import type { ProjectStore } from '../project/store.js';
import { jobProgress, startJobs } from './jobStart.js';
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers, Session } from './session.js';

export async function keyframeDeps(store: ProjectStore, { settings }: FacadeServices): Promise<KeyframeDeps> {
  const resolve = await settings.providerSettings(listImageProviders().map((p) => p.settingsId));
  return { store, importFile: (path) => importFile(store, path, 'generated'), providerSettings: resolve };
}

async function upscaleDeps(store: ProjectStore, { settings }: FacadeServices): Promise<UpscaleDeps> {
  const resolve = await settings.providerSettings(listUpscalers().map((u) => u.settingsId));
  return { store, importFile: (path) => importFile(store, path, 'generated'), providerSettings: resolve };
}

export function keyframeHandlers(
  session: Session,
  services: FacadeServices,
): NamespaceHandlers<'keyframes'> & NamespaceHandlers<'bridges'> & NamespaceHandlers<'upscale'> {
  const onProgress = jobProgress(session);
  return {
    'keyframes.estimate': async (input) => {
      const deps = await keyframeDeps(session.require(), services);
      return estimateKeyframes(deps, planKeyframes(deps, input), deps.store.project().budgetCap);
    },
    'keyframes.preview': async (input) => {
      const deps = await keyframeDeps(session.require(), services);
      const first = planKeyframes(deps, { ...input, variations: 1 })[0];
      const req = first?.request;
      return {
        provider: req?.provider ?? '',
        model: req?.model ?? null,
        prompt: req?.prompt ?? '',
        references: (req?.references ?? []).map((r) => ({
          assetId: r.assetId,
          ...(r.name ? { name: r.name } : {}),
          ...(r.kind ? { kind: r.kind } : {}),
        })),
      };
    },
    'keyframes.make': async (input) => {
      const deps = await keyframeDeps(session.require(), services);
      return startJobs<{ jobIds: string[] }>(session, async (signal, onQueued) => {
        await resumeImageJobs(deps, { signal, onProgress });
        const r = await makeKeyframes(deps, {
          ...input,
          signal,
          onProgress,
          onQueued: (jobIds) => onQueued({ jobIds }),
        });
        return { jobIds: r.jobIds };
      });
    },
    'keyframes.resume': async () => {
      const deps = await keyframeDeps(session.require(), services);
      return startJobs<{ jobIds: string[] }>(session, async (signal, onQueued) => {
        const jobIds = await resumeImageJobs(deps, { signal, onProgress, onStart: (ids) => onQueued({ jobIds: ids }) });
        return { jobIds };
      });
    },
    'upscale.estimate': async (input) => estimateUpscale(await upscaleDeps(session.require(), services), input),
    'upscale.start': async (input) => {
      const deps = await upscaleDeps(session.require(), services);
      return startJobs<{ jobIds: string[] }>(session, async (signal, onQueued) => {
        await resumeUpscaleJobs(deps, { signal, onProgress });
        return upscaleTake(deps, { ...input, signal, onProgress, onQueued: (jobIds) => onQueued({ jobIds }) });
      });
    },
    'upscale.resume': async () => {
      const deps = await upscaleDeps(session.require(), services);
      return startJobs<{ jobIds: string[] }>(session, async (signal, onQueued) => ({
        jobIds: await resumeUpscaleJobs(deps, { signal, onProgress, onStart: (jobIds) => onQueued({ jobIds }) }),
      }));
    },
    'upscale.plan': async ({ takeId }) => {
      const { request } = planUpscale(await upscaleDeps(session.require(), services), { takeId });
      return {
        width: request.sourceWidth,
        height: request.sourceHeight,
        toWidth: request.width,
        toHeight: request.height,
        upscalers: listUpscalers()
          .map((u) => ({ id: u.id, label: u.label, offline: u.offline }))
          .sort((a, b) => Number(b.offline) - Number(a.offline)),
      };
    },
    'bridges.estimate': async (input) => estimateBridge(session.require(), input),
    'bridges.insert': async (input) => {
      const store = session.require();
      const { shotId } = await insertBridge(store, input);
      return { shotId, snapshot: session.changed() };
    },
    'bridges.chainPlan': async ({ toSec, ...input }) => {
      const store = session.require();
      const plan = planChain(store, { ...input, toSec });
      const costs = Array.from({ length: plan.links }, () => plan.perLink);
      const { perLink: _p, total: _t, ...rest } = plan;
      return { ...rest, estimate: estimateJobs(store, plan.provider, costs, store.project().budgetCap) };
    },
    'bridges.chainLink': async (input) => {
      const store = session.require();
      const plan = planChain(store, { ...input, toSec: 1 });
      const { shotId } = await insertChainLink(store, { takeId: input.takeId, plan });
      return { shotId, snapshot: session.changed() };
    },
    'keyframes.pick': ({ takeId, which }) => session.edit((store) => pickKeyframe(store, takeId, which)),
    'keyframes.providers': async () =>
      listImageProviders().map((p) => ({
        id: p.id,
        label: p.label,
        offline: p.offline,
        models: p.models.map((m) => ({ id: m.id, label: m.label, referenceImagesMax: m.referenceImagesMax })),
      })),
  };
}
