/**
 * DashScope's temporary-file upload, for fields that take only a URL (r2v reference_urls and
 * media): GET /api/v1/uploads?action=getPolicy&model=<model> -> data {policy, signature,
 * upload_dir, upload_host, oss_access_key_id, x_oss_object_acl, x_oss_forbid_overwrite,
 * max_file_size_mb, ...}; a multipart POST to upload_host (OSSAccessKeyId, Signature, policy,
 * key = upload_dir/<name>, x-oss-object-acl, x-oss-forbid-overwrite, success_action_status 200,
 * then `file`, last); the URL is `oss://<key>`, valid 48 h, usable only by the model named at
 * upload and the same account, and the create that uses it must send
 * `X-DashScope-OssResourceResolve: enable`.
 * Source, first-party: https://www.alibabacloud.com/help/en/model-studio/get-temporary-file-url
 * (field tables from the zh page https://help.aliyun.com/zh/model-studio/get-temporary-file-url).
 * That page says the feature is for the China (Beijing) region; with a Singapore or Virginia
 * key the getPolicy answer is DashScope's own (shown to the user as is).
 */
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { AppError } from '../../../../../shared/errors.js';
import type { ProviderContext } from '../../types.js';
import type { RestProvider } from '../cloudRest.js';
import { restJson } from '../cloudRest.js';
import { readPicture } from '../imageInput.js';

interface UploadPolicy {
  policy?: string;
  signature?: string;
  upload_dir?: string;
  upload_host?: string;
  oss_access_key_id?: string;
  x_oss_object_acl?: string;
  x_oss_forbid_overwrite?: string;
}

const UPLOAD_TIMEOUT_MS = 120_000;

/** The upload header a create needs when its body holds an `oss://` URL. */
export const OSS_RESOLVE_HEADER = 'x-dashscope-ossresourceresolve';

export async function wanUploadFile(
  p: RestProvider,
  ctx: ProviderContext,
  model: string,
  path: string,
  what: string,
  maxBytes: number,
): Promise<string> {
  const ext = extname(path).toLowerCase();
  const { bytes, mime } = await readPicture(path, what, maxBytes);
  const answer = await restJson<{ data?: UploadPolicy }>(
    p,
    ctx,
    `/api/v1/uploads?action=getPolicy&model=${encodeURIComponent(model)}`,
    { what: `get an upload slot for ${what}`, signal: ctx.signal },
  );
  const d = answer?.data;
  if (!d?.upload_host || !d.upload_dir || !d.policy || !d.signature || !d.oss_access_key_id) {
    throw new AppError(
      'PROVIDER_FAILED',
      `DashScope gave no upload slot for ${what} (temporary file storage may not exist in this region; it is documented for China (Beijing)).`,
      { failureKind: 'provider', uploadFailed: true },
    );
  }
  // A fresh ASCII name: the user's file name may hold spaces, quotes or any script, and the
  // slot forbids overwriting an existing key.
  const key = `${d.upload_dir}/${randomUUID()}${ext}`;
  const form = new FormData();
  form.append('OSSAccessKeyId', d.oss_access_key_id);
  form.append('Signature', d.signature);
  form.append('policy', d.policy);
  form.append('key', key);
  form.append('x-oss-object-acl', d.x_oss_object_acl ?? 'private');
  form.append('x-oss-forbid-overwrite', d.x_oss_forbid_overwrite ?? 'true');
  form.append('success_action_status', '200');
  form.append('file', new Blob([bytes], { type: mime }), key.split('/').pop());
  const timeout = AbortSignal.timeout(UPLOAD_TIMEOUT_MS);
  let res: Response;
  try {
    // No API key to the storage host: the signed policy is its credential.
    res = await fetch(d.upload_host, {
      method: 'POST',
      body: form,
      signal: ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout,
    });
  } catch (err) {
    if (ctx.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    // Nothing was created yet (the video task is sent after the uploads): a clear failure.
    throw new AppError(
      'PROVIDER_FAILED',
      `Uploading ${what} to DashScope's temporary storage failed: ${(err as Error).message}`,
      { failureKind: 'provider', uploadFailed: true },
    );
  }
  if (!res.ok) {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    throw new AppError(
      'PROVIDER_FAILED',
      `DashScope's temporary storage refused ${what} (HTTP ${res.status})${text ? `: ${text}` : ''}`,
      { status: res.status, failureKind: 'provider', uploadFailed: true },
    );
  }
  return `oss://${key}`;
}
