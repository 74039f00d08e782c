/**
 * A WordPress post's stored content → the HTML its page showed, for the HTML → Markdown
 * path saved pages use. WordPress keeps posts as typed in the classic editor: paragraphs
 * are blank lines (its `wpautop` adds the `<p>` on display) and shortcodes (`[caption]`,
 * `[gallery]`, a plugin's `[contact-form-7 id="5"]`) are expanded by the plugins that
 * registered them, which an export does not carry.
 */
export function wordpressHtml(content: string): string {
  return paragraphs(expandShortcodes(withoutBlockDelimiters(content.replace(/\r\n?/g, "\n"))));
}

/**
 * The block editor's delimiters, `<!-- wp:paragraph -->` … `<!-- /wp:paragraph -->` and
 * `<!-- wp:latest-posts {"postsToShow":3} /-->`: WordPress's block grammar written as HTML
 * comments, which mark where blocks start and end and are no part of the text.
 */
const BLOCK_DELIMITER = /<!--\s+\/?wp:[a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?\s+(?:\{[\s\S]*?\}\s+)?\/?-->/g;

export function withoutBlockDelimiters(html: string): string {
  return html.replace(BLOCK_DELIMITER, "");
}

/** Media a page showed, without words of their own: dropped with what they enclose (a URL, a list of ids). */
const MEDIA_SHORTCODES = new Set(["gallery", "embed", "video", "audio", "playlist"]);
/** `[caption]` and its old name: the image with its legend, which names who is in the picture. */
const CAPTION_SHORTCODES = new Set(["caption", "wp_caption"]);

/**
 * An opening shortcode tag, as the Shortcode API writes one: `[name attributes]`, `[name /]`,
 * and `[[name]]` for a literal (WordPress's escape).
 */
const OPENING = /\[(\[?)([A-Za-z][\w-]*)(?=[\s\]/])([^\]]*?)(\/?)\](\]?)/g;

/**
 * Captions become `<figure><figcaption>` (kept as text), media are dropped, and a shortcode
 * the importer does not know is removed: an enclosing one keeps the words it encloses, one
 * with attributes or self-closed goes. A bare `[mot]` with neither (`[sic]`) is no shortcode
 * a plugin could have registered in prose, and stays as written.
 */
export function expandShortcodes(text: string): string {
  const opening = new RegExp(OPENING.source, "g");
  let out = "";
  let from = 0;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const [whole, escapeOpen, name = "", attributes = "", selfClosed, escapeClose] = match;
    out += text.slice(from, match.index);
    if (escapeOpen && escapeClose) {
      out += whole.slice(1, -1);
      from = match.index + whole.length;
      continue;
    }
    if (escapeOpen) {
      // `[[` without its `]]`: the first bracket is text, the tag starts after it.
      out += "[";
      from = opening.lastIndex = match.index + 1;
      continue;
    }
    const tagEnd = match.index + whole.length - (escapeClose ? 1 : 0);
    const closing = `[/${name}]`;
    const closeAt = selfClosed ? -1 : text.indexOf(closing, tagEnd);
    const inner = closeAt >= 0 ? text.slice(tagEnd, closeAt) : undefined;
    from = opening.lastIndex = closeAt >= 0 ? closeAt + closing.length : tagEnd;
    const key = name.toLowerCase();
    if (CAPTION_SHORTCODES.has(key)) {
      const legend = [attributeOf(attributes, "caption"), inner === undefined ? "" : expandShortcodes(inner)].filter((part) => part.trim()).join(" ");
      out += legend ? `<figure><figcaption>${legend.trim()}</figcaption></figure>` : "";
    } else if (MEDIA_SHORTCODES.has(key)) {
      out += "";
    } else if (inner !== undefined) {
      out += expandShortcodes(inner);
    } else if (attributes.trim() === "" && !selfClosed) {
      out += text.slice(match.index, tagEnd);
    }
  }
  return out + text.slice(from);
}

function attributeOf(attributes: string, name: string): string {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`, "i").exec(attributes);
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? "";
}

/** Tags that start a block of their own: a run of text starting with one is not wrapped in `<p>`. */
const BLOCK_START = /^<(?:!--|\/?(?:address|article|aside|blockquote|details|div|dl|dd|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|thead|tbody|tfoot|tr|td|th|ul|iframe|audio|video|object|script|style)(?=[\s/>]))/i;

/**
 * wpautop's rule, kept to what changes the text: a blank line ends a paragraph, a single
 * line break inside one is a `<br>`, and a run that already opens with a block tag
 * (Gutenberg's `<!-- wp:paragraph --><p>`, a `<ul>`, a `<figure>`) is left as it is.
 */
export function paragraphs(html: string): string {
  return html
    .split(/\n[ \t]*\n/)
    .map((run) => run.trim())
    .filter(Boolean)
    .map((run) => (BLOCK_START.test(run) ? run : `<p>${run.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n\n");
}
