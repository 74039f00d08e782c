/** See precompile.mjs: the path of `entry` compiled to an ES module in `cache`, made again only when one of its inputs changed. */
export function precompiled(entry: string, cache: string): Promise<string>;
/** The entry point or a module it imports does not compile (other failures are the cache folder's). */
export class CompileError extends Error {}
