/**
 * Module hooks for tests (registered by ./register.mjs): the building of a record from a
 * source and the limits of sources are replaced by the stand-ins of this folder, which import
 * the real modules. A script run with them has a source that never finishes (./build-article.ts)
 * and a time limit of a second (./source-limits.ts).
 */
const HERE = new URL("./", import.meta.url).href;
const STAND_INS = [
  ["/src/archive/build-article.ts", new URL("./build-article.ts", import.meta.url).href],
  ["/src/ingest/source-limits.ts", new URL("./source-limits.ts", import.meta.url).href],
];

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  // The stand-ins import the modules they stand in for.
  if (context.parentURL?.startsWith(HERE)) return resolved;
  const { pathname } = new URL(resolved.url);
  const standIn = STAND_INS.find(([suffix]) => pathname.endsWith(suffix));
  return standIn ? { ...resolved, url: standIn[1] } : resolved;
}
