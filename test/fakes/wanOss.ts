/**
 * The temporary-file upload of the Wan fake (DashScope's get-temporary-file-url page): the
 * signed slot GET /api/v1/uploads?action=getPolicy hands out, and the separate "OSS" host that
 * takes the PostObject form only when its policy, signature and key match that slot.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal } from './recordingHttp.js';

/** A file stored through the temporary-file upload. */
export interface OssUpload {
  key: string;
  model: string;
  bytes: number;
  type: string;
  fields: Record<string, string>;
}

/** The fake's signed upload slot: the policy names the model and the directory. */
export function issuePolicy(ossUrl: string, model: string): Record<string, unknown> {
  const dir = `dashscope-instant/${randomUUID()}/${new Date().toISOString().slice(0, 10)}/${randomUUID()}`;
  const policy = Buffer.from(
    JSON.stringify({ model, dir, expiration: new Date(Date.now() + 300_000).toISOString() }),
  ).toString('base64');
  return {
    policy,
    signature: createHash('sha1').update(policy).digest('base64'),
    upload_dir: dir,
    upload_host: ossUrl,
    expire_in_seconds: 300,
    max_file_size_mb: 100,
    capacity_limit_mb: 999999999,
    oss_access_key_id: 'LTAI-fake',
    x_oss_object_acl: 'private',
    x_oss_forbid_overwrite: 'true',
  };
}

function ossError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/** The storage host: a PostObject form whose policy and signature match a slot issued above. */
async function ossUpload(req: IncomingMessage, res: ServerResponse, uploads: OssUpload[]): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('multipart/form-data'))
    return ossError(res, 400, 'InvalidRequest', 'PostObject needs multipart/form-data');
  if (req.headers.authorization)
    return ossError(res, 400, 'InvalidArgument', 'An Authorization header is not allowed with a POST policy');
  const form = await new Response(Buffer.concat(chunks), {
    headers: { 'content-type': String(req.headers['content-type']) },
  }).formData();
  const entries = [...form.entries()];
  const fields: Record<string, string> = {};
  for (const [k, v] of entries) if (typeof v === 'string') fields[k] = v;
  const file = form.get('file');
  if (!(file instanceof Blob) || entries.at(-1)?.[0] !== 'file')
    return ossError(res, 400, 'InvalidArgument', 'file must be the last form field');
  const policy = JSON.parse(Buffer.from(fields.policy ?? '', 'base64').toString('utf8') || '{}') as {
    model?: string;
    dir?: string;
  };
  const signed = createHash('sha1')
    .update(fields.policy ?? '')
    .digest('base64');
  if (fields.OSSAccessKeyId !== 'LTAI-fake' || fields.Signature !== signed || !policy.dir)
    return ossError(res, 403, 'SignatureDoesNotMatch', 'The request signature does not match');
  if (
    !fields.key?.startsWith(`${policy.dir}/`) ||
    fields['x-oss-object-acl'] !== 'private' ||
    fields['x-oss-forbid-overwrite'] !== 'true'
  ) {
    return ossError(res, 403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed');
  }
  if (uploads.some((u) => u.key === fields.key))
    return ossError(res, 409, 'FileAlreadyExists', 'The object you specified already exists');
  uploads.push({ key: fields.key, model: policy.model ?? '', bytes: file.size, type: file.type, fields });
  res.writeHead(fields.success_action_status === '200' ? 200 : 204).end();
}

/** The storage host on its own port (as OSS is another host than DashScope). */
export async function startFakeOss(uploads: OssUpload[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = await listenLocal((req, res) =>
    ossUpload(req, res, uploads).catch((err: unknown) => ossError(res, 500, 'InternalError', (err as Error).message)),
  );
  return { url: server.origin, close: server.close };
}
