import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, relative, sep } from "node:path";

/** A file or folder a walk did not read, and why. */
export interface SkippedEntry {
  path: string;
  reason: string;
}

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
      skipped.push({ path: folder, reason: `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
      return;
    }
    for (const entry of entries.sort(byName)) {
      const path = join(folder, entry.name);
      let reason: string | undefined;
      if (isHidden(entry.name)) reason = entry.name.endsWith("~") ? "an editor's backup file" : entry.isDirectory() ? "hidden folder" : "hidden file";
      else if (entry.isSymbolicLink()) links.push({ path, folderReal });
      else if (entry.isDirectory()) reason = enterFolder(path, join(folderReal, entry.name));
      else if (entry.isFile()) reason = addFile(path, join(folderReal, entry.name));
      else reason = "neither a file nor a folder";
      if (reason) skipped.push({ path, reason });
    }
  };
  // A folder or file reached through a link first may be met again as a real entry of a folder linked later.
  const enterFolder = (path: string, real: string) => {
    const read = seenFolders.get(real);
    if (read !== undefined && read !== path) return `its folder is read already as ${show(read)}`;
    seenFolders.set(real, path);
    visit(path, real);
    return undefined;
  };
  const addFile = (path: string, real: string) => {
    const read = seenFiles.get(real);
    if (read !== undefined) return `its file is read already as ${show(read)}`;
    seenFiles.set(real, path);
    files.push(path);
    return undefined;
  };
  visit(dir, root);

  // Links last, in order, each followed at most once: those found in linked folders join the queue.
  for (let i = 0; i < links.length; i++) {
    const { path, folderReal } = links[i] as (typeof links)[number];
    const reason = followLink(path, folderReal);
    if (reason) skipped.push({ path, reason: `symbolic link not followed: ${reason}` });
  }

  function followLink(path: string, folderReal: string): string | undefined {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === "ELOOP" ? "it links to itself (a loop)" : code === "ENOENT" ? "broken link (its target does not exist)" : `its target cannot be read (${code})`;
    }
    if (!isWithin(real, bound)) return `its target (${real}) is outside ${options.withinName ?? bound}`;
    let stats;
    try {
      stats = statSync(real);
    } catch (error) {
      return `its target cannot be read (${(error as NodeJS.ErrnoException).code})`;
    }
    if (stats.isDirectory()) return isWithin(folderReal, real) ? "it leads back to a folder it is in (a loop)" : enterFolder(path, real);
    if (!stats.isFile()) return "its target is neither a file nor a folder";
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
