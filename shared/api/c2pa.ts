/**
 * Contract methods of C2PA signing (merged into `contract` in contract.ts): the credentials
 * that sign every deliverable's C2PA manifest (Settings → C2PA signing).
 */
import { z } from 'zod';

const PathSchema = z.string().trim().min(1).max(4096);

export const C2paSigningPathsSchema = z
  .object({
    /** PEM certificates: the signer's first, then its intermediates. */
    certChainPath: PathSchema,
    /** PEM private key (PKCS#8 or SEC1, not encrypted) of the first certificate. */
    privateKeyPath: PathSchema,
  })
  .strict();

export const C2paSigningViewSchema = z.object({
  configured: z.boolean(),
  /** Where the paths come from: the environment wins over the app's store. */
  source: z.enum(['env', 'store']).nullable(),
  paths: C2paSigningPathsSchema.nullable(),
  /** The signing certificate, when the credentials can sign. */
  signer: z.object({ subject: z.string(), alg: z.string(), notAfter: z.string() }).nullable(),
  /** Why configured credentials cannot sign now (deliveries are refused until fixed). */
  problem: z
    .object({
      message: z.string(),
      /** The translated form of the message (renderer i18n key and its values), when there is one. */
      localized: z
        .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
        .nullable(),
    })
    .nullable(),
  /** Whether credentials can be saved here (else: the environment variables named in `env`). */
  canStore: z.boolean(),
  env: z.array(z.string()),
});
export type C2paSigningView = z.infer<typeof C2paSigningViewSchema>;

export const c2paMethods = {
  'c2pa.signing': { input: z.object({}).strict(), output: C2paSigningViewSchema },
  /** Checks the credentials (they must sign) and saves them; null removes them. */
  'c2pa.setSigning': {
    input: z.object({ paths: C2paSigningPathsSchema.nullable() }).strict(),
    output: C2paSigningViewSchema,
  },
} as const;
