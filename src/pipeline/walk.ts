import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, relative, sep } from "node:path";
import type { SkipKind } from "../messages/diagnostics-ingest.ts";

/**
 * A file or folder a walk did not read, and why: `reason` in English (the build's report),
 * `kind` and `detail` to say it in the editor's language, `link` when a symbolic link led there.
 */
export interface SkippedEntry {
  path: string;
  reason: string;
  kind: SkipKind;
  detail?: string;
  link?: boolean;
}

type Why = { reason: string; kind: SkipKind; detail?: string };

export interface WalkResult {
  /** Every file read, sorted as the folders are (by name, folder by folder). */
  files: string[];
  skipped: SkippedEntry[];
}

/**
 * Hidden: a name that starts with "." (dotfiles and dot-folders: `.git`, `.DS_Store`, Vim's
 * `.name.swp`, Emacs's `.#name` locks) or ends with "~" (editors' backups). Editors leave
 * these beside the files they edit; they are never sources.
 */
export function isHidden(name: string): boolean {
  return name.startsWith(".") || name.endsWith("~");
}

/** Whether the path is a folder (following links); false when there is nothing there. */
export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Every file below `dir`, sorted, hidden files and folders skipped (see walkTree for symbolic links). */
export function walkFiles(dir: string): string[] {
  return walkTree(dir).files;
}

/**
 * Every file below `dir`, and what was not read with its reason. Symbolic links are followed
 * when their target lies within `within` (by default `dir`; `withinName` names it in reasons,
 * `show` prints a path there), each real file and folder once:
 * a link to a file or folder read already, a link that leads back to a folder it is in, a
 * link out of `within` and a broken link are skipped, as are hidden names, unreadable folders
 * and what is neither a file nor a folder (sockets, pipes, devices: reading a pipe would wait
 * forever). Real files and folders come first: a link never takes the place of the path it
 * points to.
 */
export function walkTree(dir: string, options: { within?: string; withinName?: string; show?: (path: string) => string } = {}): WalkResult {
  const show = options.show ?? ((path: string) => path);
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  let root: string;
  let bound: string;
  try {
    root = realpathSync(dir);
    bound = realpathSync(options.within ?? dir);
  } catch {
    return { files, skipped };
  }
  /** Real path → the path it was read under. */
  const seenFiles = new Map<string, string>();
  const seenFolders = new Map<string, string>([[root, dir]]);
  const links: { path: string; folderReal: string }[] = [];

  const visit = (folder: string, folderReal: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      skipped.push({ path: folder, reason: `the folder cannot be read (${detail})`, kind: "folder-unreadable", detail });
      return;
    }
    for (const entry of entries.sort(byName)) {
      const path = join(folder, entry.name);
      let reason: Why | undefined;
      if (isHidden(entry.name)) {
        reason = entry.name.endsWith("~")
          ? { reason: "an editor's backup file", kind: "backup" }
          : entry.isDirectory()
            ? { reason: "hidden folder", kind: "hidden-folder" }
            : { reason: "hidden file", kind: "hidden-file" };
      } else if (entry.isSymbolicLink()) links.push({ path, folderReal });
      else if (entry.isDirectory()) reason = enterFolder(path, join(folderReal, entry.name));
      else if (entry.isFile()) reason = addFile(path, join(folderReal, entry.name));
      else reason = { reason: "neither a file nor a folder", kind: "not-a-file" };
      if (reason) skipped.push({ path, ...reason });
    }
  };
  // A folder or file reached through a link first may be met again as a real entry of a folder linked later.
  const enterFolder = (path: string, real: string): Why | undefined => {
    const read = seenFolders.get(real);
    if (read !== undefined && read !== path) return { reason: `its folder is read already as ${show(read)}`, kind: "folder-read-already", detail: show(read) };
    seenFolders.set(real, path);
    visit(path, real);
    return undefined;
  };
  const addFile = (path: string, real: string): Why | undefined => {
    const read = seenFiles.get(real);
    if (read !== undefined) return { reason: `its file is read already as ${show(read)}`, kind: "file-read-already", detail: show(read) };
    seenFiles.set(real, path);
    files.push(path);
    return undefined;
  };
  visit(dir, root);

  // Links last, in order, each followed at most once: those found in linked folders join the queue.
  for (let i = 0; i < links.length; i++) {
    const { path, folderReal } = links[i] as (typeof links)[number];
    const reason = followLink(path, folderReal);
    if (reason) skipped.push({ path, ...reason, reason: `symbolic link not followed: ${reason.reason}`, link: true });
  }

  function followLink(path: string, folderReal: string): Why | undefined {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === "ELOOP"
        ? { reason: "it links to itself (a loop)", kind: "link-loop" }
        : code === "ENOENT"
          ? { reason: "broken link (its target does not exist)", kind: "link-broken" }
          : { reason: `its target cannot be read (${code})`, kind: "link-unreadable", detail: String(code) };
    }
    if (!isWithin(real, bound)) return { reason: `its target (${real}) is outside ${options.withinName ?? bound}`, kind: "link-outside", detail: real };
    let stats;
    try {
      stats = statSync(real);
    } catch (error) {
      const code = String((error as NodeJS.ErrnoException).code);
      return { reason: `its target cannot be read (${code})`, kind: "link-unreadable", detail: code };
    }
    if (stats.isDirectory()) return isWithin(folderReal, real) ? { reason: "it leads back to a folder it is in (a loop)", kind: "link-back" } : enterFolder(path, real);
    if (!stats.isFile()) return { reason: "its target is neither a file nor a folder", kind: "link-not-a-file" };
    return addFile(path, real);
  }

  files.sort(byPath);
  skipped.sort((a, b) => byPath(a.path, b.path));
  return { files, skipped };
}

const isWithin = (path: string, folder: string) => {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: Dirent, b: Dirent) => compare(a.name, b.name);

/** Folder by folder, as a walk visits them: "a/b" before "a-c" (a plain comparison puts "-" before "/"). */
function byPath(a: string, b: string): number {
  const x = a.split(sep);
  const y = b.split(sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compare(x[i] as string, y[i] as string);
    if (order) return order;
  }
  return x.length - y.length;
}
