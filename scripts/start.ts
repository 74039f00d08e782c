/**
 * npm start [-- --port 8080 --host 127.0.0.1 --content DIR --output DIR]
 *
 * Builds the archive from content/ and serves it on http://127.0.0.1:8080 with live
 * reload: saving an article or a knowledge-base file rebuilds what changed and refreshes
 * the browser. The rebuild is `npm run build`'s, run in this process: the knowledge base
 * and the record cache stay in memory, only the edited sources are read again and only the
 * pages whose content changed are written.
 *
 * Every page it serves runs templates/assets/dev-live.js (a file of the site's origin, which the
 * site's security policy lets run, the 404 page included): a rebuild reloads the page, or takes
 * it to its article's new address when the article moved; the build's errors, and the warnings of
 * the files edited, are shown over the page until a build has none. Drafts (`draft: true`) are
 * served at their address with a banner, made in a folder of their own beside the site, never in it.
 *
 * It listens on this machine only (127.0.0.1) unless `--host` names another address
 * (`--host 0.0.0.0`: every interface, for a container or a phone on the same network).
 * It holds the output folder's lock for its whole life: its rebuilds trust the site they
 * wrote, so no other build may change that folder under it (`npm run build` into the same
 * folder says so and names this process).
 */
import { join, resolve } from "node:path";
import { articleSources } from "../src/pipeline/article-sources.ts";
import { parse, ROOT, run } from "./lib/cli.ts";
import { ensureHeap, heapForArticles } from "./lib/heap.ts";

const USAGE = "usage: npm start -- [--port 8080 (0: any free port)] [--host 127.0.0.1 (0.0.0.0: every interface)] [--content DIR] [--output DIR]";

run(async () => {
  const { values } = parse({ port: { type: "string" }, host: { type: "string" }, content: { type: "string" }, output: { type: "string" } }, USAGE);
  const port = Number(values.port ?? process.env["PORT"] ?? 8080);
  if (!Number.isInteger(port) || port < 0) throw new Error(`invalid port ${values.port}\n\n${USAGE}`);
  const content = resolve(values.content ?? join(ROOT, "content"));
  const output = resolve(values.output ?? join(ROOT, "_site"));
  // Run again with a larger heap: the child serves.
  if (ensureHeap(() => heapForArticles(articleSources(content).length))) return new Promise<never>(() => {});
  // Loaded once the heap is settled: a process that starts its child with a larger heap has no use for it.
  const { serveArchive } = await import("./lib/dev-server.ts");
  await serveArchive({ content, output, host: values.host ?? process.env["HOST"] ?? "127.0.0.1", port });
  return new Promise<never>(() => {});
});
