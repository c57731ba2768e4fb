/** Row <-> entity mapping of the service records: assets, jobs, provenance (see rows.ts). */
import {
  AssetSchema,
  JobSchema,
  ProvenanceSchema,
  type Asset,
  type Job,
  type Provenance,
} from '../../../shared/model/entities.js';
import { parseEntity, parseJson, type Row, type SqlValue } from './rows.js';

export function assetFromRow(r: Row): Asset {
  const what = `asset "${String(r.id)}"`;
  return parseEntity(
    AssetSchema,
    {
      id: r.id,
      path: r.path,
      originalName: r.original_name,
      bytes: r.bytes,
      origin: r.origin,
      info: parseJson(r.info, what),
      createdAt: r.created_at,
    },
    what,
  );
}

export function assetToRow(a: Asset): Record<string, SqlValue> {
  return {
    id: a.id,
    path: a.path,
    original_name: a.originalName,
    bytes: a.bytes,
    origin: a.origin,
    kind: a.info.kind,
    info: JSON.stringify(a.info),
    created_at: a.createdAt,
  };
}

export function jobFromRow(r: Row): Job {
  const what = `job "${String(r.id)}"`;
  return parseEntity(
    JobSchema,
    {
      id: r.id,
      shotId: r.shot_id,
      provider: r.provider,
      model: r.model,
      state: r.state,
      request: parseJson(r.request, what),
      taskId: r.task_id,
      progress: r.progress,
      error: r.error,
      errorInfo: r.error_info == null ? null : parseJson(r.error_info, what),
      costEstimate: r.cost_estimate,
      costActual: r.cost_actual,
      resultAssetId: r.result_asset_id,
      takeId: r.take_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
    what,
  );
}

export function jobToRow(j: Job): Record<string, SqlValue> {
  return {
    id: j.id,
    shot_id: j.shotId,
    provider: j.provider,
    model: j.model,
    state: j.state,
    request: JSON.stringify(j.request),
    task_id: j.taskId,
    progress: j.progress,
    error: j.error,
    error_info: j.errorInfo ? JSON.stringify(j.errorInfo) : null,
    cost_estimate: j.costEstimate,
    cost_actual: j.costActual,
    result_asset_id: j.resultAssetId,
    take_id: j.takeId,
    created_at: j.createdAt,
    updated_at: j.updatedAt,
  };
}

export function provenanceFromRow(r: Row): Provenance {
  const what = `provenance entry ${String(r.id)}`;
  return parseEntity(
    ProvenanceSchema,
    {
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: parseJson(r.details, what),
    },
    what,
  );
}
