/**
 * npm start [-- --port 8080 --content DIR --output DIR]
 *
 * Builds the archive from content/ and serves it on http://localhost:8080 with live
 * reload: saving an article or a knowledge-base file rebuilds what changed and refreshes
 * the browser. The rebuild is `npm run build`'s, run in this process: the knowledge base
 * and the record cache stay in memory, only the edited sources are read again and only the
 * pages whose content changed are written.
 */
import { join, relative, resolve } from "node:path";
import { articleSources } from "../src/build/article-sources.ts";
import type { BuildSession } from "./lib/build-site.ts";
import { hasPreviousBuild } from "./lib/build-files.ts";
import { parse, ROOT, run } from "./lib/cli.ts";
import { ensureHeap, heapForArticles } from "./lib/heap.ts";

const USAGE = "usage: npm start -- [--port 8080 (0: any free port)] [--content DIR] [--output DIR]";

/** Editors' tools write a file in several steps: changes this close together make one rebuild. */
const SETTLE_MS = 30;

run(async () => {
  const { values } = parse({ port: { type: "string" }, content: { type: "string" }, output: { type: "string" } }, USAGE);
  const port = Number(values.port ?? process.env["PORT"] ?? 8080);
  if (!Number.isInteger(port) || port < 0) throw new Error(`invalid port ${values.port}\n\n${USAGE}`);
  const content = resolve(values.content ?? join(ROOT, "content"));
  const output = resolve(values.output ?? join(ROOT, "_site"));
  // Run again with a larger heap: the child serves.
  if (ensureHeap(() => heapForArticles(articleSources(content).length, { rebuild: hasPreviousBuild(content, output) }))) return new Promise<never>(() => {});
  // Loaded once the heap is settled: a process that starts its child with a larger heap has no use for them.
  const [{ build }, { default: EleventyDevServer }, { watch }] = await Promise.all([import("./lib/build-site.ts"), import("@11ty/eleventy-dev-server"), import("chokidar")]);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const session: BuildSession = { archive: {}, site: {} };
  const first = await build({ content, output, ci: false, session, log });

  const server = EleventyDevServer.getServer("revue", output, {
    pathPrefix: first.archive.config.pathPrefix,
    // A rebuild changes many pages at once: the open page is reloaded whole.
    domDiff: false,
    logger: { info: () => {}, log: () => {}, error: log },
  });
  server.serve(port);
  await server.ready();
  // One rebuild at a time; changes that arrive during a rebuild make one more after it.
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = async () => {
    do {
      again = false;
      const started = performance.now();
      try {
        // The browser reloads as soon as the pages are in place; the open data and the search index follow.
        await build({
          content,
          output,
          ci: false,
          session,
          log,
          pagesFirst: true,
          onPages: () => {
            server.reload({ files: [] });
            log(`revue: pages rebuilt in ${Math.round(performance.now() - started)} ms`);
          },
        });
      } catch (error) {
        log(`revue: the rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
        server.sendError({ error });
      }
    } while (again);
    running = undefined;
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) again = true;
      else running = rebuild();
    }, SETTLE_MS);
  };
  const watcher = watch(content, { ignoreInitial: true, ignored: (path) => /(^|\/)\.[^/]/.test(relative(content, path)) });
  watcher.on("all", changed);
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  // The server takes the next port when this one is in use.
  const shown = relative(process.cwd(), content);
  log(`revue: serving the archive on ${server.getServerUrl("localhost")} (edits to ${shown && !shown.startsWith("..") ? shown : content}/ reload the page; Ctrl+C stops)`);

  const stop = () => {
    void Promise.all([watcher.close(), server.close(), running]).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return new Promise<never>(() => {});
});
