/**
 * Contract methods for finding a project (merged into `contract` in contract.ts): the recent
 * projects, and a folder browser for hosts without a native folder dialog (the browser host).
 * The browser lists folders only, inside the host's allowed roots (the user's home and the
 * folder `serve` was started in); links are never followed out of them.
 */
import { z } from 'zod';

const PathSchema = z.string().min(1).max(4096);

export const RecentProjectSchema = z.object({
  dir: z.string(),
  name: z.string(),
  /** The folder still holds a project file (checked when listed; opening checks everything). */
  available: z.boolean(),
});
export type RecentProject = z.infer<typeof RecentProjectSchema>;

export const FolderListingSchema = z.object({
  path: z.string(),
  /** The folder above, or null at a root. */
  parent: z.string().nullable(),
  roots: z.array(z.string()),
  entries: z.array(z.object({ name: z.string(), path: z.string(), project: z.boolean() })),
  /** True when the folder had more sub-folders than are listed. */
  truncated: z.boolean(),
  /** This folder is a project (it holds project.db). */
  project: z.boolean(),
});
export type FolderListing = z.infer<typeof FolderListingSchema>;

export const folderMethods = {
  /** The projects opened or created lately, newest first (at most 10). */
  'project.recent': { input: z.object({}).strict(), output: z.array(RecentProjectSchema) },
  /** The sub-folders of `path` (default: the first root); FORBIDDEN outside the allowed roots. */
  'folders.list': { input: z.object({ path: PathSchema.optional() }).strict(), output: FolderListingSchema },
} as const;
