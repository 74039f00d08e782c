import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { basename, dirname } from "node:path";

/**
 * Eleventy's date keywords: `Created` and `Last Modified` are the file's own times, and
 * `git Created` and `git Last Modified` the first and last commits that touched it. An import
 * gives them the day they stood for on the former site: from git's history when the site is a
 * git work tree with the file in it, else from the file's times (a copy without its history).
 */
export type EleventyDateKeyword = "created" | "last-modified";

export interface KeywordDate {
  /** ISO 8601 date-time. */
  date: string;
  from: "git" | "file";
}

export function eleventyDateKeyword(value: string): { keyword: EleventyDateKeyword; git: boolean } | undefined {
  const match = /^(git\s+)?(created|last\s+modified)$/i.exec(value.trim());
  if (!match) return undefined;
  return { keyword: /^created$/i.test(match[2] ?? "") ? "created" : "last-modified", git: match[1] !== undefined };
}

export function keywordDate(path: string, keyword: EleventyDateKeyword, git: boolean): KeywordDate | undefined {
  const fromGit = git ? gitDate(path, keyword) : undefined;
  if (fromGit) return { date: fromGit, from: "git" };
  try {
    const stats = statSync(path);
    // A file system without birth times gives the epoch, or the time of the last change.
    const created = stats.birthtimeMs > 0 ? stats.birthtime : stats.mtime;
    return { date: (keyword === "created" ? created : stats.mtime).toISOString().replace(/\.\d{3}Z$/, "Z"), from: "file" };
  } catch {
    return undefined;
  }
}

function gitDate(path: string, keyword: EleventyDateKeyword): string | undefined {
  try {
    const log = execFileSync("git", ["log", "--follow", "--format=%aI", "--", basename(path)], { cwd: dirname(path), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 });
    const dates = log.split("\n").filter(Boolean);
    return keyword === "created" ? dates.at(-1) : dates[0];
  } catch {
    return undefined;
  }
}
