import { createHash } from "node:crypto";
import type { RenderLists, SiteData } from "./site-data.ts";

/**
 * What each output file of the site is made of, as hashes: a rebuild renders only the
 * files whose view model changed, and everything when something every page prints
 * (settings, strings, navigation, templates) changed.
 */
export interface SiteManifest {
  /** Hash of what every page depends on: templates, settings, strings, navigation. */
  global: string;
  /** Output path (relative, `a/b/index.html`) → hash of its view model. */
  files: Record<string, string>;
}

const hash = (value: unknown) => createHash("sha1").update(typeof value === "string" ? value : JSON.stringify(value)).digest("base64url");

/** `/a/b/` → `a/b/index.html`; `/feed.xml` → `feed.xml`. */
export function outputPath(url: string): string {
  const path = url.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

export function fingerprintSite(site: SiteData, templatesVersion: string): SiteManifest {
  const { pages, feeds, files: dataFiles, sitemap, ...shared } = site;
  const files: Record<string, string> = {};
  for (const page of pages) files[outputPath(page.url)] = hash(page);
  for (const feed of feeds) files[outputPath(feed.url)] = hash(feed);
  for (const file of dataFiles) files[outputPath(file.url)] = hash(file.content);
  files["sitemap.xml"] = hash(sitemap);
  return { global: hash([templatesVersion, shared]), files };
}

export interface SiteChanges {
  /** Output paths to render again. */
  changed: Set<string>;
  /** Output paths of the previous build that no page makes any more. */
  removed: string[];
}

/** What differs from the previous build; undefined when everything must be rendered. */
export function diffManifests(previous: SiteManifest | undefined, current: SiteManifest): SiteChanges | undefined {
  if (!previous || previous.global !== current.global) return undefined;
  const changed = new Set<string>();
  for (const [path, digest] of Object.entries(current.files)) if (previous.files[path] !== digest) changed.add(path);
  const removed = Object.keys(previous.files).filter((path) => !(path in current.files));
  return { changed, removed };
}

/** The files to render again (the rest is already written). */
export function changedPart(site: RenderLists, changed: ReadonlySet<string>): RenderLists {
  const keep = <T extends { url: string }>(list: readonly T[]) => list.filter((item) => changed.has(outputPath(item.url)));
  return { pages: keep(site.pages), feeds: keep(site.feeds), files: keep(site.files) };
}
