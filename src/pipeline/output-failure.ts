/**
 * What to tell the user when the file system refuses a build's writes to its output or its
 * cache: the folder, why, and what to do. Node's own message ("EBUSY: resource busy or locked,
 * rename …") names a system call, not a fix.
 */
export interface OutputFailure {
  /** The error's code (EROFS, EACCES…). */
  code: string;
  /** The folder the build was writing to or moving. */
  folder: string;
  /** Revue's cache folder, where the new site is made before it is moved into place. */
  cache: string;
}

/** The message for a failure the user can fix, or undefined for one Revue does not explain. */
export function explainOutputFailure({ code, folder, cache }: OutputFailure): string | undefined {
  const kept = "The previous site, if any, is unchanged.";
  switch (code) {
    case "EROFS":
      return `cannot write to ${folder}: it is on a read-only file system. ${kept} Pass --output a folder on a writable file system, or mount this one read-write.`;
    case "EACCES":
    case "EPERM":
      return `cannot write to ${folder}: permission denied. ${kept} Pass --output a folder you can write to, or give your user write access to ${folder}.`;
    case "EBUSY":
      return `cannot replace ${folder}: it is busy or a mount point, and a build swaps the output folder whole. ${kept} Pass a folder inside it (--output ${folder}/_site), or close what holds it.`;
    case "EXDEV":
      return `cannot move the new site into ${folder}: it is on another file system than Revue's cache folder ${cache}, where the site is made. ${kept} Pass --output a folder that is not a mount point (a folder inside it: --output ${folder}/_site).`;
    case "ENOSPC":
    case "EDQUOT":
      return `no space left to write the site beside ${folder} (in ${cache}). ${kept} Free some space, or pass --output a folder on another disk.`;
    case "ENOTDIR":
    case "EEXIST":
      return `cannot write to ${folder}: a file stands where a folder is needed. ${kept} Pass --output a new folder.`;
    default:
      return undefined;
  }
}
