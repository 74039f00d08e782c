import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** One YAML file of the knowledge base, as read from disk; its name is the entry's id. */
export interface KbFile {
  path: string;
  /** Path shown in messages: relative to the working directory. */
  display: string;
  id: string;
  text: string;
}

/** The pack folders under `packsRoot`, in name order (a file that is not a folder is ignored). */
export function listPacks(packsRoot: string): string[] {
  let names: string[];
  try {
    names = readdirSync(packsRoot);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith(".") && statSync(join(packsRoot, name)).isDirectory())
    .sort()
    .map((name) => join(packsRoot, name));
}

/** Every `.yml`/`.yaml` file of `dir`, in name order, read (a missing folder has none). */
export function listYaml(dir: string, cwd: string): KbFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { path, display: relative(cwd, path) || path, id: name.replace(/\.ya?ml$/, ""), text: readFileSync(path, "utf8").replace(/^\uFEFF/, "") };
    });
}
