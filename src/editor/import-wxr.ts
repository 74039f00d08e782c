import { wordpressTimestamp } from "../archive/written-dates.ts";
import { readPubDate } from "./feed-dates.ts";
import type { ArchiveEntry, ImportedItem, SkippedEntry } from "./import-item.ts";
import { titleText, wordpressContent, wordpressFootnotes } from "./wordpress-content.ts";
import type { ImportNotes } from "../messages/import-notes.ts";
import { childElement, childElements, childText, prefixOf, qualified, textOf, type XmlElement } from "./xml-tree.ts";

/**
 * A WordPress export (WXR: RSS 2.0 with WordPress's namespace, `wp-admin/includes/export.php`).
 * Posts become articles: published ones as they are, the others (draft, pending, private,
 * scheduled, password-protected) as drafts with the reason. Pages, attachments, menu items
 * and other post types are not articles; they are counted by type, like trashed posts.
 */

/** `http://wordpress.org/export/1.2/` (or https): the export's own namespace, not its `…/excerpt/`. */
const isWordPressNamespace = (uri: string) => /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/.test(uri);
const isExcerptNamespace = (uri: string) => /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/.test(uri);
const isContentNamespace = (uri: string) => uri === "http://purl.org/rss/1.0/modules/content/";
const isDublinCore = (uri: string) => uri === "http://purl.org/dc/elements/1.1/";

export function isWordPressExport(root: XmlElement): boolean {
  return root.name === "rss" && prefixOf(root, isWordPressNamespace) !== undefined;
}

/** `say` words why an entry is skipped or a post a draft (a status other than `publish`, a password). */
export function readWordPressExport(root: XmlElement, file: string, say: ImportNotes): ArchiveEntry[] {
  const wp = prefixOf(root, isWordPressNamespace) ?? "wp";
  const excerpt = prefixOf(root, isExcerptNamespace) ?? "excerpt";
  const content = prefixOf(root, isContentNamespace) ?? "content";
  const dc = prefixOf(root, isDublinCore) ?? "dc";
  const field = (item: XmlElement, local: string) => childText(item, qualified(wp, local));

  const channel = childElement(root, "channel");
  if (!channel) return [];
  const siteName = childText(channel, "title");
  // `dc:creator` is the author's login; the export lists each author's display name.
  const displayNames = new Map<string, string>();
  for (const author of childElements(channel, qualified(wp, "author"))) {
    const login = childText(author, qualified(wp, "author_login"));
    const name = childText(author, qualified(wp, "author_display_name"));
    if (login && name) displayNames.set(login, name);
  }

  const entries: ArchiveEntry[] = [];
  for (const item of childElements(channel, "item")) {
    const type = field(item, "post_type") || "post";
    const status = field(item, "status");
    const id = field(item, "post_id");
    // WordPress prints a title as HTML (`Un titre <em>en italique</em>`): its words are the title.
    const title = titleText(childText(item, "title"));
    const source = `${file}#${type}-${id || entries.length + 1}`;
    const skip = skipOf(type, status, title, source, say);
    if (skip) {
      entries.push({ skipped: skip });
      continue;
    }
    const link = childText(item, "link");
    const password = field(item, "post_password");
    const unpublished = status === "publish" ? (password ? say.wordpressPasswordProtected : undefined) : say.wordpressUnpublished(status);
    const localDate = field(item, "post_date");
    const gmtDate = field(item, "post_date_gmt");
    const fromWordPress = wordpressTimestamp(localDate, gmtDate);
    const pubDate = childText(item, "pubDate");
    const fromPubDate = fromWordPress ? undefined : readPubDate(pubDate);
    const published: ImportedItem["published"] = fromWordPress
      ? { at: fromWordPress, evidence: `wp:post_date ${localDate}${fromWordPress.offset ? `, wp:post_date_gmt ${gmtDate}` : ""}` }
      : fromPubDate
        ? { at: fromPubDate, evidence: `pubDate ${pubDate}` }
        : undefined;
    const creator = childText(item, qualified(dc, "creator"));
    const footnotesMeta = childElements(item, qualified(wp, "postmeta")).find((meta) => field(meta, "meta_key") === "footnotes");
    const body = wordpressContent(childText(item, qualified(content, "encoded")), footnotesMeta ? wordpressFootnotes(field(footnotesMeta, "meta_value")) : []);
    const entry: ImportedItem = {
      source,
      title,
      html: body.html,
      published,
      url: link || undefined,
      slug: decodedSlug(field(item, "post_name")),
      // Only a published post had a public address to redirect from.
      aliases: unpublished ? [] : oldPath(link),
      terms: childElements(item, "category")
        .filter((category) => TERM_DOMAINS.has(category.attributes["domain"] ?? ""))
        .map((category) => textOf(category)),
      authors: creator ? [displayNames.get(creator) ?? creator] : [],
      summaryHtml: childText(item, qualified(excerpt, "encoded")),
      unpublished,
      // The day WordPress was to publish it on, which no other date of the post gives.
      scheduled: status === "future",
      notes: [...(body.removed.length ? [say.shortcodesRemoved(body.removed)] : []), ...(unpublished ? [] : queryAddressNote(link, say))],
      siteName: siteName || undefined,
    };
    entries.push({ item: entry });
  }
  return entries;
}

/** Categories and tags: `post_tag` since WordPress 3.1, `tag` in the WXR 1.0 exports of WordPress 2.x and 3.0. */
const TERM_DOMAINS: ReadonlySet<string> = new Set(["category", "post_tag", "tag"]);

function skipOf(type: string, status: string, title: string, source: string, say: ImportNotes): SkippedEntry | undefined {
  if (type !== "post") return { source, kind: type, reason: say.notAPost(type, title) };
  if (status === "trash") return { source, kind: "trash", reason: say.trashed(title) };
  if (status === "auto-draft") return { source, kind: "auto-draft", reason: say.autoDraft(title) };
  return undefined;
}

/** WordPress stores a slug with non-ASCII letters percent-encoded (`cybercriminalit%c3%a9`). */
function decodedSlug(postName: string): string | undefined {
  if (!postName) return undefined;
  try {
    return decodeURIComponent(postName);
  } catch {
    return postName;
  }
}

/** The permalink's path (`/2023/05/04/titre/`); a query-string address (`/?p=12`) is no path a static page can answer. */
/**
 * WordPress's plain permalinks (`/?p=42`): a static site cannot redirect an address told apart
 * by its query, so the editor is told, rather than left to find the old links broken.
 */
function queryAddressNote(link: string, say: ImportNotes): string[] {
  try {
    const url = new URL(link);
    return url.search ? [say.queryAddress(`${url.pathname}${url.search}`)] : [];
  } catch {
    return [];
  }
}

function oldPath(link: string): string[] {
  try {
    const url = new URL(link);
    return url.search || url.pathname === "/" ? [] : [decodeURI(url.pathname)];
  } catch {
    return [];
  }
}
