/** A script compiled by `precompiled`: its module, and each worker's source path → its module. */
export interface Precompiled {
  main: string;
  workers: Record<string, string>;
}
/** See precompile.mjs: `entry` (and the `workers` its processes start) compiled to ES modules in `cache`, made again only when one of their inputs changed. */
export function precompiled(entry: string, cache: string, workers?: readonly string[]): Promise<Precompiled>;
/** The entry point or a module it imports does not compile (other failures are the cache folder's). */
export class CompileError extends Error {}
