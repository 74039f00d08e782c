import { createHash } from "node:crypto";
import { COMPUTED_FROM, DIGEST, type FeedView, type PageView, type RenderLists, type SiteData } from "./site-data.ts";

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
  for (const page of pages) files[outputPath(page.url)] = pageDigest(page);
  for (const feed of feeds) files[outputPath(feed.url)] = pageDigest(feed);
  for (const file of dataFiles) files[outputPath(file.url)] = hash(file.content);
  files["sitemap.xml"] = hash(sitemap);
  return { global: hash([templatesVersion, shared]), files };
}

/**
 * A page's hash. An article's body and JSON-LD are stood for by the digest of what its
 * record was made from, and each card or feed entry by its own hash, made once:
 * fingerprinting does not compute the pages' bodies, nor hash a card every time a page lists it.
 */
function pageDigest(page: PageView | FeedView): string {
  const json = JSON.stringify(page, standIn);
  const computedFrom = (page as { [COMPUTED_FROM]?: string })[COMPUTED_FROM];
  return hash(computedFrom ? `${json}\0${computedFrom}` : json);
}

function standIn(this: unknown, _key: string, value: unknown): unknown {
  return typeof value === "object" && value !== null && DIGEST in value ? (value as { [DIGEST]: string })[DIGEST] : value;
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
