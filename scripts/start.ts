/**
 * npm start [-- --port 8080 --host 127.0.0.1 --content DIR --output DIR]
 *
 * Builds the archive from content/ and serves it on http://127.0.0.1:8080 with live
 * reload: saving an article or a knowledge-base file rebuilds what changed and refreshes
 * the browser. The rebuild is `npm run build`'s, run in this process: the knowledge base
 * and the record cache stay in memory, only the edited sources are read again and only the
 * pages whose content changed are written.
 *
 * It listens on this machine only (127.0.0.1) unless `--host` names another address
 * (`--host 0.0.0.0`: every interface, for a container or a phone on the same network).
 * It holds the output folder's lock for its whole life: its rebuilds trust the site they
 * wrote, so no other build may change that folder under it (`npm run build` into the same
 * folder says so and names this process).
 */
import type { Server } from "node:http";
import type { AddressInfo, ListenOptions } from "node:net";
import { join, relative, resolve } from "node:path";
import { articleSources } from "../src/build/article-sources.ts";
import type { BuildSession } from "./lib/build-site.ts";
import { buildFiles, hasPreviousBuild, realOutputPath } from "./lib/build-files.ts";
import { parse, ROOT, run } from "./lib/cli.ts";
import { ensureHeap, heapForArticles } from "./lib/heap.ts";

const USAGE = "usage: npm start -- [--port 8080 (0: any free port)] [--host 127.0.0.1 (0.0.0.0: every interface)] [--content DIR] [--output DIR]";

/** Editors' tools write a file in several steps: changes this close together make one rebuild. */
const SETTLE_MS = 30;

run(async () => {
  const { values } = parse({ port: { type: "string" }, host: { type: "string" }, content: { type: "string" }, output: { type: "string" } }, USAGE);
  const port = Number(values.port ?? process.env["PORT"] ?? 8080);
  if (!Number.isInteger(port) || port < 0) throw new Error(`invalid port ${values.port}\n\n${USAGE}`);
  const content = resolve(values.content ?? join(ROOT, "content"));
  const output = resolve(values.output ?? join(ROOT, "_site"));
  // Run again with a larger heap: the child serves.
  if (ensureHeap(() => heapForArticles(articleSources(content).length, { rebuild: hasPreviousBuild(content, output) }))) return new Promise<never>(() => {});
  // Loaded once the heap is settled: a process that starts its child with a larger heap has no use for them.
  const host = values.host ?? process.env["HOST"] ?? "127.0.0.1";
  const [{ build, LOCK_WAIT_MS }, { claimOutput }, { default: EleventyDevServer }, { watch }] = await Promise.all([import("./lib/build-site.ts"), import("./lib/output-folder.ts"), import("@11ty/eleventy-dev-server"), import("chokidar")]);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const site = realOutputPath(output);
  // Stopping goes through process.exit, which releases the output's lock.
  const closers: (() => unknown)[] = [];
  const stop = () => {
    void Promise.all(closers.map((close) => close())).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await claimOutput({ content, output: site, files: buildFiles(content, site), command: "npm start", waitMs: LOCK_WAIT_MS, log, exitsOnSignals: true });
  const session: BuildSession = { archive: {}, site: {} };
  const first = await build({ content, output: site, ci: false, session, log, holdsOutput: true });

  const server = EleventyDevServer.getServer("revue", output, {
    pathPrefix: first.archive.config.pathPrefix,
    // A rebuild changes many pages at once: the open page is reloaded whole.
    domDiff: false,
    logger: { info: () => {}, log: () => {}, error: log },
  });
  listenOn(server.server, host);
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
          output: site,
          ci: false,
          session,
          log,
          holdsOutput: true,
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
  closers.push(() => watcher.close(), () => server.close(), () => running);
  // The address the server really listens on (it takes the next port when this one is in use).
  const shown = relative(process.cwd(), content);
  const { address, port: listening } = server.server.address() as AddressInfo;
  log(`revue: serving the archive on ${announce(address, listening, first.archive.config.pathPrefix)} (edits to ${shown && !shown.startsWith("..") ? shown : content}/ reload the page; Ctrl+C stops)`);
  return new Promise<never>(() => {});
});

/**
 * Makes the dev server listen on `host`: Eleventy's dev server passes only the port to Node's
 * `listen` (every interface), also when it retries the next port, and has no option for the
 * address (11ty/eleventy-dev-server#128). Its Node server is public (`server`): its `listen` is given the host.
 */
function listenOn(server: Server, host: string): void {
  const listen = server.listen.bind(server) as (options: ListenOptions) => Server;
  server.listen = ((options: ListenOptions) => listen({ ...options, host })) as Server["listen"];
}

/** How to reach an address: every interface is reached here as localhost, and said to be open to the network. */
function announce(address: string, port: number, pathPrefix: string): string {
  const path = pathPrefix.startsWith("/") ? pathPrefix : `/${pathPrefix}`;
  if (address === "0.0.0.0" || address === "::") return `http://localhost:${port}${path} and every network interface (${address}: other machines can reach it)`;
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}${path}`;
}
