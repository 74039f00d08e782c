/**
 * The dev server behind `npm start` (../start.ts): builds the archive, serves it with
 * Eleventy's dev server, and rebuilds what changed when a file of the content folder is
 * saved, in this process, with the knowledge base and the record cache kept in memory.
 * Its pages' additions (live reload, problems, drafts) are ./dev-pages.ts's.
 */
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { watch } from "chokidar";
import { rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo, ListenOptions } from "node:net";
import { relative, resolve } from "node:path";
import type { Diagnostic } from "../../src/model/diagnostic.ts";
import type { Archive } from "../../src/pipeline/build-archive.ts";
import { buildFiles, realOutputPath } from "../../src/pipeline/build-files.ts";
import { LOCK_WAIT_MS, type BuildSession } from "../../src/pipeline/build-site.ts";
import { claimOutput } from "../../src/pipeline/output-folder.ts";
import { devStatus, type DevStatus } from "../../src/site/dev-problems.ts";
import { articleAddresses, movedAddresses } from "../../src/site/moved-addresses.ts";
import { build } from "./build.ts";
import { basePath, devPages } from "./dev-pages.ts";

/** Editors' tools write a file in several steps: changes this close together make one rebuild. */
const SETTLE_MS = 30;

export interface DevServerOptions {
  content: string;
  output: string;
  host: string;
  port: number;
}

/** What the pages show of the builds (the problems of the last one), and where each article was. */
interface DevState {
  builds: number;
  status: DevStatus;
  addresses: ReturnType<typeof articleAddresses>;
}

/** Builds the archive, serves it, and rebuilds on every edit until the process is stopped. */
export async function serveArchive({ content, output, host, port }: DevServerOptions): Promise<void> {
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
  // Beside the output's work folder (build-files.ts), under the output's lock, which this process holds.
  const drafts = `${buildFiles(content, site).work}-drafts`;
  const first = await build({ content, output: site, ci: false, session, log, holdsOutput: true, drafts });
  const { pathPrefix, lang } = first.archive.config;
  const base = basePath(pathPrefix);
  const edited = new Set<string>();
  const isEdited = (file: string) => edited.has(resolve(file));
  const state: DevState = { builds: 0, status: devStatus(0, first.archive.diagnostics, isEdited, lang), addresses: articleAddresses(first.archive) };

  const server = await startServer({ output, pathPrefix, host, port, middleware: devPages(base, drafts, () => state.status), log });

  const rebuild = async () => {
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
        drafts,
        onPages: (archive: Archive) => {
          const now = articleAddresses(archive);
          const moved = [...movedAddresses(state.addresses, now)].map(([from, to]) => [`${base}${from.slice(1)}`, `${base}${to.slice(1)}`]);
          state.addresses = now;
          state.status = devStatus(++state.builds, archive.diagnostics, isEdited, archive.config.lang);
          server.sendUpdateNotification({ type: "revue.reload", moved: Object.fromEntries(moved) });
          log(`revue: pages rebuilt in ${Math.round(performance.now() - started)} ms`);
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`revue: the rebuild failed: ${message}`);
      // The pages stay as the last build left them: the failure is shown over them.
      const failure: Diagnostic = { file: relative(process.cwd(), content) || content, rule: "build-failed", severity: "error", message };
      state.status = devStatus(++state.builds, [failure], isEdited, lang);
      server.sendUpdateNotification({ type: "revue.status", status: state.status });
    }
  };
  const rebuilds = rebuildScheduler(rebuild);
  const watcher = await watchContent(content, (path) => {
    edited.add(resolve(path));
    rebuilds.changed();
  });
  // The drafts' previews go with the server: only a running dev server shows them.
  closers.push(() => watcher.close(), () => server.close(), async () => {
    await rebuilds.idle();
    rmSync(drafts, { recursive: true, force: true });
  });
  // The address the server really listens on (it takes the next port when this one is in use).
  const shown = relative(process.cwd(), content);
  const { address, port: listening } = server.server.address() as AddressInfo;
  log(`revue: serving the archive on ${announce(address, listening, pathPrefix)} (edits to ${shown && !shown.startsWith("..") ? shown : content}/ reload the page; Ctrl+C stops)`);
}

/** Eleventy's dev server on the site's folder, listening on `host` and `port`, with Revue's additions to the pages. */
async function startServer(options: { output: string; pathPrefix: string; host: string; port: number; middleware: ReturnType<typeof devPages>; log: (line: string) => void }) {
  const server = EleventyDevServer.getServer("revue", options.output, {
    pathPrefix: options.pathPrefix,
    // Its reload script would be written into a 404 page inline, which the site's security
    // policy blocks: every page gets ours instead, a file (./dev-pages.ts), and the
    // server's WebSocket carries our messages (`sendUpdateNotification`).
    liveReload: false,
    domDiff: false,
    middleware: [options.middleware],
    logger: { info: () => {}, log: () => {}, error: options.log },
  });
  listenOn(server.server, options.host);
  server.serve(options.port);
  await server.ready();
  return server;
}

/** Watches the content folder, its hidden files and folders left out; resolves once the watch is set. */
async function watchContent(content: string, changed: (path: string) => void) {
  const watcher = watch(content, { ignoreInitial: true, ignored: (path) => /(^|\/)\.[^/]/.test(relative(content, path)) });
  watcher.on("all", (_event, path) => changed(path));
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return watcher;
}

/** Runs `rebuild` once changes settle: one at a time; changes that arrive during a rebuild make one more after it. */
function rebuildScheduler(rebuild: () => Promise<void>) {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    do {
      again = false;
      await rebuild();
    } while (again);
    running = undefined;
  };
  return {
    changed: () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (running) again = true;
        else running = loop();
      }, SETTLE_MS);
    },
    /** Resolves once no rebuild is running. */
    idle: async () => {
      await running;
    },
  };
}

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
