import { hash } from "./digest.ts";
import type { RenderPlans, SitePlan } from "./site-data.ts";

/**
 * What each output file of the site is made of, as hashes: a rebuild renders only the
 * files whose digest changed, and everything when something every page prints (settings,
 * strings, navigation, templates, view code) changed.
 */
export interface SiteManifest {
  /** Hash of what every page depends on: templates, view code, settings, strings, navigation. */
  global: string;
  /** Output path (relative, `a/b/index.html`) → digest of what the file is made from. */
  files: Record<string, string>;
}

/** `/a/b/` → `a/b/index.html`; `/feed.xml` → `feed.xml`. */
export function outputPath(url: string): string {
  const path = url.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

export function fingerprintSite(site: SitePlan, templatesVersion: string): SiteManifest {
  const { pages, feeds, files: dataFiles, sitemap, ...shared } = site;
  const files: Record<string, string> = {};
  for (const planned of [...pages, ...feeds, ...dataFiles]) files[outputPath(planned.url)] = planned.digest;
  files["sitemap.xml"] = hash(JSON.stringify(sitemap));
  return { global: hash(JSON.stringify([templatesVersion, shared])), files };
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
export function changedPart(site: RenderPlans, changed: ReadonlySet<string>): RenderPlans {
  const keep = <T extends { url: string }>(list: readonly T[]) => list.filter((item) => changed.has(outputPath(item.url)));
  return { pages: keep(site.pages), feeds: keep(site.feeds), files: keep(site.files) };
}
