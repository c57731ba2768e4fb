/**
 * The request rules of the Wan models with where each was read (README capability notes; issue
 * 11). Pure data. The Alibaba Cloud pages are first-party; the zh pages' parameter tables were
 * read from copies of them.
 */
import type { ModelRule } from '../../../../../shared/generation/capabilities.js';

const I2V_REF = 'https://help.aliyun.com/zh/model-studio/image-to-video-api-reference (resolution and duration tables)';
const KF2V_REF = 'https://help.aliyun.com/zh/model-studio/image-to-video-by-first-and-last-frame-api-reference';
const GUIDE_27 = 'https://www.alibabacloud.com/help/en/model-studio/wan-image-to-video-guide';
const API_27 = 'https://www.alibabacloud.com/help/en/model-studio/image-to-video-general-api-reference';

const first = (rule: string, source: string): ModelRule => ({ rule, source, firstParty: true });

/** A model's rules by id; the provider-wide ones on `auto` (the default). */
export const WAN_RULES: Readonly<Record<string, readonly ModelRule[]>> = {
  auto: [
    first(
      'Every Wan model: a task and its `video_url` are kept 24 hours; an expired link is read again from the task, then the job is marked expired.',
      `https://www.alibabacloud.com/help/en/model-studio/manage-asynchronous-tasks; ${I2V_REF.replace(' (resolution and duration tables)', '')} ("task_id 有效期 24小时", "链接有效期24小时")`,
    ),
  ],
  'wan2.2-i2v-flash': [first('`resolution` 480P, 720P or 1080P (default 720P); 5 s only.', I2V_REF)],
  'wan2.2-kf2v-flash': [
    first('`resolution` 480P, 720P or 1080P (default 720P); duration fixed at 5 s and not sent.', KF2V_REF),
  ],
  'wan2.6-i2v': [first('`resolution` 720P or 1080P (no 480P); `duration` a whole number of seconds, 2-15.', I2V_REF)],
  'wan2.6-i2v-flash': [
    first('`resolution` 720P or 1080P (no 480P); `duration` a whole number of seconds, 2-15.', I2V_REF),
  ],
  'wan2.6-t2v': [
    first(
      '`size` from the 720P or 1080P tiers only (e.g. 1280*720, 1920*1080; no 480P).',
      'https://help.aliyun.com/zh/model-studio/text-to-video-api-reference',
    ),
  ],
  'wan2.7-i2v': [
    first('`resolution` 720P or 1080P; 2-15 s.', GUIDE_27),
    {
      rule: 'Frames go in `input.media` as {type: first_frame | last_frame, url} (the 2.7 protocol; `img_url` is 2.6 and earlier). The pictures are sent as data URIs; whether media `url` takes them is unconfirmed: Comfy Router\'s copy of the schema says "public HTTP/HTTPS URL or OSS temporary URL".',
      source: `${API_27}; https://docs.comfy.org/zh/development/comfy-router/models/wan/wan2-7-i2v/code`,
      firstParty: false,
    },
  ],
  'wan2.7-r2v': [
    {
      rule: '`resolution` 720P or 1080P, as for wan2.7-i2v: assumed, not confirmed on a first-party page for r2v (the 2.7 guide read is the i2v one).',
      source: GUIDE_27,
      firstParty: false,
    },
  ],
};
