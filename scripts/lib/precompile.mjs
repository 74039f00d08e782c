/**
 * Scripts compiled ahead of time: esbuild bundles a TypeScript entry point with the project's
 * modules it imports (npm packages stay outside, loaded by Node as usual) into a cache folder,
 * once, and again only when one of the files it was made from changes. Dynamic imports stay
 * chunks loaded when needed. Plain JavaScript: it runs before anything is compiled.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";

/** Bundles of other versions of a script are removed after this long (a dev server still running one may load its chunks late). */
const KEEP_OLD_MS = 7 * 24 * 3600 * 1000;

/** Changes whenever the way bundles are made changes: bundles made the old way are made again. */
const FORMAT = "2";

/**
 * `entry` compiled to an ES module in `cache`, with the worker modules its processes start
 * (`workers`, TypeScript entry points of their own, sharing the script's chunks): the bundle
 * made last if none of its inputs changed since, else a new one. Returns the path of the
 * script's module, and each worker's source path → its module's path. Throws, with esbuild's
 * messages, when an entry point does not compile.
 */
export async function precompiled(entry, cache, workers = []) {
  const name = basename(entry).replace(/\.[cm]?[jt]s$/, "");
  const manifestFile = join(cache, `${name}.json`);
  const manifest = readManifest(manifestFile);
  const located = ({ folder, main, workerModules }) => ({
    main: join(cache, folder, main),
    workers: Object.fromEntries(Object.entries(workerModules).map(([source, module]) => [source, join(cache, folder, module)])),
  });
  // Another checkout sharing the cache (a linked node_modules) has its own scripts of the same
  // names: its bundle, made from its sources, would run here as if it were this one's.
  if (
    manifest?.entry === entry &&
    sameWorkers(manifest.workerModules, workers) &&
    signature(manifest.inputs) === manifest.signature &&
    existsSync(join(cache, manifest.folder, manifest.main))
  ) {
    return located(manifest);
  }
  const outdir = join(cache, "out");
  const { build } = await import("esbuild");
  let result;
  try {
    result = await build({
      entryPoints: [entry, ...workers],
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node.split(".")[0]}`,
      packages: "external",
      outdir,
      entryNames: "[name]",
      chunkNames: "chunk-[hash]",
      write: false,
      metafile: true,
      logLevel: "silent",
      plugins: [keepModulePaths()],
    });
  } catch (error) {
    const messages = (error.errors ?? []).map((e) => `${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : ""}${e.text}`);
    throw new CompileError(`${relative(process.cwd(), entry)} does not compile:\n${messages.join("\n") || error.message}`);
  }
  // The inputs, as esbuild saw them: paths relative to the working directory.
  const inputs = Object.keys(result.metafile.inputs).map((input) => join(process.cwd(), input));
  const stamp = signature(inputs);
  const folder = `${name}-${stamp.slice(0, 12)}`;
  // Written beside, then renamed whole: a script starting at the same moment sees either no
  // bundle in that folder or a complete one (and two that made the same bundle keep one).
  if (!existsSync(join(cache, folder))) {
    const temporary = join(cache, `${folder}.tmp-${process.pid}`);
    for (const file of result.outputFiles) {
      const target = join(temporary, relative(outdir, file.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    try {
      renameSync(temporary, join(cache, folder));
    } catch {
      rmSync(temporary, { recursive: true, force: true });
    }
  }
  const main = `${name}.js`;
  // Workers have the folder's other names: `[name].js`, from their own file names.
  const workerModules = Object.fromEntries(workers.map((worker) => [worker, `${basename(worker).replace(/\.[cm]?[jt]s$/, "")}.js`]));
  writeAtomically(manifestFile, JSON.stringify({ entry, signature: stamp, inputs, folder, main, workerModules }));
  removeOldBundles(cache, name, folder);
  return located({ folder, main, workerModules });
}

function sameWorkers(workerModules, workers) {
  return typeof workerModules === "object" && workerModules !== null && Object.keys(workerModules).sort().join("\0") === [...workers].sort().join("\0");
}

function removeOldBundles(cache, name, current) {
  const pattern = new RegExp(`^${name.replace(/[^\w]/g, "\\$&")}-[0-9a-f]{12}$`);
  for (const entry of readdirSync(cache)) {
    if (entry === current || !pattern.test(entry)) continue;
    try {
      if (Date.now() - statSync(join(cache, entry)).mtimeMs > KEEP_OLD_MS) rmSync(join(cache, entry), { recursive: true, force: true });
    } catch {
      // Removed by another script meanwhile.
    }
  }
}

/** The entry point or a module it imports does not compile (other failures are the cache folder's). */
export class CompileError extends Error {}

/**
 * `import.meta.url`, `dirname` and `filename` keep the values they have in the source file:
 * scripts find the project, the templates and their workers' entry points from there.
 */
function keepModulePaths() {
  return {
    name: "keep-module-paths",
    setup(build) {
      build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const contents = readFileSync(args.path, "utf8")
          .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
          .replaceAll("import.meta.filename", JSON.stringify(args.path));
        return { contents, loader: /\.m?ts$/.test(args.path) ? "ts" : "js" };
      });
    },
  };
}

/** What a bundle is made from, as of now: each input's path, size and modification time (and Node's version). */
function signature(inputs) {
  const hash = createHash("sha1").update(`${FORMAT}\0${process.version}\0`);
  for (const input of inputs) {
    let stamp = "missing";
    try {
      const stat = statSync(input);
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      // A file gone since: the bundle is made again.
    }
    hash.update(`${input}\0${stamp}\0`);
  }
  return hash.digest("hex");
}

function readManifest(file) {
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(manifest.inputs) && typeof manifest.signature === "string" ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function writeAtomically(file, content) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
