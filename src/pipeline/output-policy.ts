/**
 * Whether a folder may be used as a build's output. A full build replaces the output folder
 * whole, so Revue uses only a folder it made (it carries the site marker, or the cache holds a
 * previous build of it), an empty one or one that is not there yet. Everything else is refused
 * before anything is written, with the reason and a folder to pass instead.
 */
import { dirname, isAbsolute, join, parse, relative } from "node:path";

/** What the file system says about the output folder and its surroundings (paths absolute, links resolved). */
export interface OutputFacts {
  output: string;
  content: string;
  /** Revue's own folder (package.json, src/, .git). */
  project: string;
  /** The user's home folder. */
  home: string;
  /** What is at the output path. */
  kind: "absent" | "folder" | "other";
  /** Names in the folder (none when absent). */
  entries: readonly string[];
  /** The folder carries Revue's site marker. */
  marked: boolean;
  /** Revue's cache holds the manifest of a build into this folder (sites made before the marker). */
  builtBefore: boolean;
  /** The folder is a mount point: it cannot be renamed, so it cannot be replaced whole. */
  mountPoint: boolean;
  /** The cache folder Revue keeps beside the output. */
  cache: string;
}

export type OutputVerdict =
  | { use: true; as: "new" | "empty" | "marked" | "earlier-build" }
  | { use: false; why: string; fix: string };

export function judgeOutput(facts: OutputFacts): OutputVerdict {
  const { output, content, project, home } = facts;
  const instead = suggestedOutput(facts);
  const refuse = (why: string, fix = `pass a folder of its own, for example --output ${instead}`): OutputVerdict => ({ use: false, why, fix });
  if (parse(output).root === output) return refuse("it is the root of the file system, and a build replaces its output folder whole");
  if (output === content) return refuse("it is the content folder: a build replaces its output folder whole, and the articles and the knowledge base would be deleted");
  if (isInside(output, content)) return refuse("it is inside the content folder: its pages would be read back as articles at the next build");
  if (output === project) return refuse("it is Revue's project folder: a build replaces its output folder whole");
  if (isInside(project, output)) return refuse("it holds Revue's project folder: a build replaces its output folder whole");
  if (isInside(content, output)) return refuse("it holds the content folder: a build replaces its output folder whole");
  if (output === home) return refuse("it is your home folder: a build replaces its output folder whole");
  if (isInside(home, output)) return refuse("it holds your home folder: a build replaces its output folder whole");
  if (output === facts.cache || isInside(facts.cache, output)) return refuse("it is Revue's cache folder, where the build keeps its records and temporary folders");
  if (facts.kind === "other") return refuse("it is a file, not a folder");
  if (facts.kind === "absent") return { use: true, as: "new" };
  if (facts.mountPoint) {
    return refuse(
      "it is a mount point: a build makes the new site beside it and swaps the two folders, and a mount point cannot be moved",
      `pass a folder inside it, for example --output ${join(output, "_site")}`,
    );
  }
  if (facts.marked) return { use: true, as: "marked" };
  if (facts.entries.length === 0) return { use: true, as: "empty" };
  if (facts.builtBefore) return { use: true, as: "earlier-build" };
  return refuse(
    `it holds files Revue did not make (${listed(facts.entries)}), and a build replaces its output folder whole`,
    `pass a new or empty folder, for example --output ${instead}, or move those files away`,
  );
}

/** The message a refusal prints. */
export function refusalMessage(output: string, verdict: { why: string; fix: string }): string {
  return `Revue will not build into ${output}: ${verdict.why}. Nothing was changed. To build, ${verdict.fix}.`;
}

/** `child` is strictly inside `parent`. */
export function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path !== "" && path !== ".." && !path.startsWith(`..${sep(path)}`) && !isAbsolute(path);
}

const sep = (path: string) => (path.includes("\\") ? "\\" : "/");

/** A folder to offer instead: `_site` beside the content folder (the default layout), or in the project, or a new one beside the output. */
function suggestedOutput({ output, content, project }: OutputFacts): string {
  const candidates = [join(dirname(content), "_site"), join(project, "_site"), `${output.replace(/[\\/]+$/, "")}-site`];
  return candidates.find((folder) => folder !== output && folder !== content && !isInside(folder, content)) ?? join(project, "_site");
}

function listed(entries: readonly string[]): string {
  const shown = [...entries].sort().slice(0, 3).join(", ");
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}
