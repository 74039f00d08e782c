import { parseHTML } from "linkedom";

/**
 * A WordPress post's stored content → the HTML its page showed, for the HTML → Markdown
 * path saved pages use. WordPress keeps posts as typed in the classic editor: paragraphs
 * are blank lines (its `wpautop` adds the `<p>` on display) and shortcodes (`[caption]`,
 * `[gallery]`, a plugin's `[contact-form-7 id="5"]`) are expanded by the plugins that
 * registered them, which an export does not carry.
 */
export interface WordPressContent {
  html: string;
  /** The shortcodes removed with what they showed (`[youtube]`, `[gallery]`), for the editor's notes. */
  removed: string[];
}

/** A footnote of the block editor: its id, and its text as HTML. */
export interface Footnote {
  id: string;
  content: string;
}

/**
 * The block editor's footnotes (WordPress 6.3 and later) are kept in the post's `footnotes`
 * meta, as JSON, and shown by its footnotes block: the export carries them beside the content.
 */
export function wordpressFootnotes(json: string): Footnote[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((note: unknown) => {
      const { id, content } = (note ?? {}) as Record<string, unknown>;
      return typeof id === "string" && typeof content === "string" ? [{ id, content }] : [];
    });
  } catch {
    return [];
  }
}

export function wordpressContent(content: string, footnotes: readonly Footnote[] = []): WordPressContent {
  // Comments go after the shortcodes: `[code]` shows one as text, and a shortcode inside one was never run.
  const expanded = shortcodesExpanded(withoutBlockDelimiters(withFootnotes(content.replace(/\r\n?/g, "\n"), footnotes)));
  return { html: paragraphs(withoutComments(expanded.html)), removed: expanded.removed };
}

export function wordpressHtml(content: string): string {
  return wordpressContent(content).html;
}

/** The footnotes block, which WordPress fills from the post's meta when it shows the post. */
const FOOTNOTES_BLOCK = /<!--\s+wp:footnotes\s+(?:\{[\s\S]*?\}\s+)?\/-->/;
/**
 * The text with its footnotes where the page showed them: the footnotes block becomes the
 * numbered list of their texts, as WordPress renders it (at the end when the block is gone).
 * The calls in the text (`<sup data-fn="id" class="fn"><a href="#id">1</a></sup>`) are the
 * HTML reader's (../ingest/html-to-markdown.ts).
 */
function withFootnotes(content: string, footnotes: readonly Footnote[]): string {
  if (footnotes.length === 0) return content;
  const list = `<ol>${footnotes.map((note) => `<li>${note.content}</li>`).join("")}</ol>`;
  return FOOTNOTES_BLOCK.test(content) ? content.replace(FOOTNOTES_BLOCK, () => list) : `${content}\n\n${list}`;
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

/**
 * The editor's markers, `<!--more-->` (where the teaser ends, `<!--more Lire la suite-->`
 * with its link's words), `<!--nextpage-->` and `<!--noteaser-->`, split the text where they
 * stand: a paragraph break. Any other comment was never shown to a reader.
 */
const EDITOR_MARKER = /<!--\s*(?:more|nextpage|noteaser)\b[\s\S]*?-->/gi;

export function withoutComments(html: string): string {
  return html.replace(EDITOR_MARKER, "\n\n").replace(/<!--[\s\S]*?-->/g, "");
}

/**
 * What WordPress core and common plugins register, by what the page showed in their place.
 * A shortcode not listed here is left as written: WordPress itself prints an unregistered
 * `[mot …]` as text, and prose uses brackets (`[rire]`, `[sic]`, `[1]`).
 */
type ShortcodeRole =
  /** An image with its legend: the legend is kept. */
  | "caption"
  /** SyntaxHighlighter's code block: the code, its indentation kept. */
  | "code"
  /** Layout that wraps the article's words (columns, page builders): the words are kept. */
  | "layout"
  /** Media, embeds and forms the export does not hold: removed and named in the notes. */
  | "media";

/** SyntaxHighlighter also registers each language as a shortcode of its own: `[php]…[/php]`, `[html highlight="4"]…[/html]`. */
const SYNTAX_HIGHLIGHTER_BRUSHES = ["as3", "actionscript3", "bash", "shell", "cpp", "csharp", "css", "delphi", "diff", "erlang", "groovy", "html", "java", "javafx", "javascript", "js", "jscript", "latex", "matlab", "objc", "perl", "php", "powershell", "python", "py", "ruby", "scala", "sql", "swift", "vb", "xml", "xhtml", "xslt", "yaml", "json"];

const SHORTCODE_ROLES: ReadonlyMap<string, ShortcodeRole> = new Map([
  ...["caption", "wp_caption"].map((name) => [name, "caption"] as const),
  ...["code", "sourcecode", "source", ...SYNTAX_HIGHLIGHTER_BRUSHES].map((name) => [name, "code"] as const),
  ...["pullquote", "quote", "col", "column", "columns", "row", "one_half", "one_third", "two_third", "one_fourth", "three_fourth", "one_fifth", "two_fifth", "three_fifth", "four_fifth", "one_sixth", "five_sixth"].map((name) => [name, "layout"] as const),
  ...[
    // WordPress core
    "gallery", "embed", "video", "audio", "playlist",
    // Jetpack and WordPress.com embeds
    "youtube", "vimeo", "dailymotion", "soundcloud", "wpvideo", "videopress", "ted", "flickr", "instagram", "tweet", "twitter-timeline", "facebook", "googlemaps", "googleapps", "slideshare", "scribd", "spotify", "gist", "polldaddy", "crowdsignal", "archives", "sitemap", "jetpack_subscription_form", "contact-form", "contact-field",
    // Forms and galleries of common plugins
    "contact-form-7", "gravityform", "wpforms", "ninja_form", "mc4wp_form", "nggallery", "ngg_images", "envira-gallery", "foogallery", "metaslider", "rev_slider",
  ].map((name) => [name, "media"] as const),
]);

/** Page builders name every shortcode with their prefix: the enclosing ones hold the words, the others are widgets. */
const BUILDER_PREFIX = /^(?:vc|et_pb|fusion|su|themify|tatsu|cs|av|ux)_/;

function roleOf(name: string, encloses: boolean): ShortcodeRole | undefined {
  const key = name.toLowerCase().replace(/_last$/, "");
  const role = SHORTCODE_ROLES.get(key);
  if (role === "code" && !encloses) return undefined;
  if (role) return role;
  if (BUILDER_PREFIX.test(key)) return encloses ? "layout" : "media";
  return undefined;
}

/**
 * An opening shortcode tag, as the Shortcode API writes one: `[name attributes]`, `[name /]`,
 * and `[[name]]` for a literal (WordPress's escape).
 */
const OPENING = /\[(\[?)([A-Za-z][\w-]*)(?=[\s\]/])([^\]]*?)(\/?)\](\]?)/g;

/**
 * A code shortcode the visual editor wrapped in `<pre>` (`<pre>[sourcecode language="xml"]…[/sourcecode]</pre>`):
 * SyntaxHighlighter ran it, and its block stands for the `<pre>`.
 */
const PRE_WRAPPED_CODE = new RegExp(String.raw`<pre(?:\s[^>]*)?>\s*(\[(${["code", "sourcecode", "source", ...SYNTAX_HIGHLIGHTER_BRUSHES].join("|")})(?=[\s\]])[^\]]*\][\s\S]*?\[\/\2\])\s*<\/pre\s*>`, "gi");

/** Code the post shows as written, where a shortcode is the text being explained, and comments, where none runs. */
const LITERAL_HTML = /<(pre|code|script|style|textarea)(?=[\s>])[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

/**
 * Captions become `<figure><figcaption>` (kept as text), SyntaxHighlighter's `[code]` a
 * `<pre><code>` block, layout wrappers give way to their words, media are removed; `removed`
 * names the shortcodes that took something the page showed. Text inside `<code>` and `<pre>`
 * is never read as shortcodes.
 */
export function shortcodesExpanded(text: string): WordPressContent {
  const literals: string[] = [];
  const protectedText = text.replace(PRE_WRAPPED_CODE, "$1").replace(LITERAL_HTML, (literal) => `\u0000${literals.push(literal) - 1}\u0000`);
  const removed = new Set<string>();
  const restore = (value: string) => value.replace(/\u0000(\d+)\u0000/g, (_all, index: string) => literals[Number(index)] ?? "");
  return { html: restore(expandIn(protectedText, removed, restore)), removed: [...removed] };
}

/** The HTML with shortcodes expanded, for callers that need no notes. */
export function expandShortcodes(text: string): string {
  return shortcodesExpanded(text).html;
}

/** `restore` puts back the literal HTML set aside, which a `[code]` block shows as text. */
function expandIn(text: string, removed: Set<string>, restore: (text: string) => string): string {
  const opening = new RegExp(OPENING.source, "g");
  /** Where each closing tag was last found: a text with many `[gallery]` and no `[/gallery]` is searched once. */
  const closings = new Map<string, number>();
  const closingAfter = (closing: string, position: number) => {
    let at = closings.get(closing);
    if (at === undefined || (at >= 0 && at < position)) closings.set(closing, (at = text.indexOf(closing, position)));
    return at;
  };
  let out = "";
  let from = 0;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const [whole, escapeOpen, name = "", attributes = "", selfClosed, escapeClose] = match;
    const tagEnd = match.index + whole.length - (escapeClose ? 1 : 0);
    const closing = `[/${name}]`;
    // Every known shortcode has a role when it encloses: a name without one is text, whatever follows it.
    const known = roleOf(name, true) !== undefined;
    const closeAt = !known || selfClosed || escapeOpen ? -1 : closingAfter(closing, tagEnd);
    const role = known ? roleOf(name, closeAt >= 0) : undefined;
    if (escapeOpen && escapeClose) {
      // `[[gallery]]` prints `[gallery]` when the shortcode is registered, and stays as written when not.
      out += text.slice(from, match.index) + (role ? whole.slice(1, -1) : whole);
      from = match.index + whole.length;
      continue;
    }
    if (escapeOpen || !role) {
      // Not a shortcode WordPress would have run: text; the next tag may start inside it.
      opening.lastIndex = match.index + 1;
      continue;
    }
    out += text.slice(from, match.index);
    const inner = closeAt >= 0 ? text.slice(tagEnd, closeAt) : undefined;
    from = opening.lastIndex = closeAt >= 0 ? closeAt + closing.length : tagEnd;
    if (role === "caption") {
      const legend = [attributeOf(attributes, "caption"), inner === undefined ? "" : expandIn(inner, removed, restore)].filter((part) => part.trim()).join(" ");
      out += legend ? `<figure><figcaption>${legend.trim()}</figcaption></figure>` : "";
    } else if (role === "code") {
      const brush = SYNTAX_HIGHLIGHTER_BRUSHES.includes(name.toLowerCase()) ? name : "";
      out += codeBlock(restore(inner ?? ""), attributeOf(attributes, "lang") || attributeOf(attributes, "language") || brush);
    } else if (role === "layout") {
      out += inner === undefined ? "" : expandIn(inner, removed, restore);
    } else {
      removed.add(`[${name.toLowerCase()}]`);
    }
  }
  return out + text.slice(from);
}

/**
 * The code as SyntaxHighlighter shows it: the lines between the tags, indentation kept. The
 * classic editor stores `<` as typed, the visual one as `&lt;`: only the first is escaped.
 */
function codeBlock(code: string, language: string): string {
  const lines = code.replace(/^[ \t]*\n/, "").replace(/\n[ \t]*$/, "");
  const escaped = lines.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const languageClass = /^[\w+#-]+$/.test(language) ? ` class="language-${language.toLowerCase()}"` : "";
  return `\n\n<pre><code${languageClass}>${escaped}</code></pre>\n\n`;
}

function attributeOf(attributes: string, name: string): string {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`, "i").exec(attributes);
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? "";
}

/**
 * wpautop's block-level elements (`formatting.php`): text is never wrapped in `<p>` around
 * them, and a line break beside one is layout of the source, not a `<br>`.
 */
const BLOCK_NAMES = "address|article|aside|audio|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|iframe|legend|li|main|map|area|math|menu|nav|object|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|video";
/** Elements whose content is shown as written: kept whole, their line breaks their own. */
const RAW_NAMES = "pre|script|style|textarea|svg";
const BLOCK_TOKEN = new RegExp(String.raw`<(${RAW_NAMES})(?=[\s>])[\s\S]*?<\/\1\s*>|<(\/?)(${BLOCK_NAMES})(?=[\s/>])[^>]*>`, "gi");
/** Blocks whose own text is made of paragraphs, as the post's top level is. */
const CONTAINERS = new Set(["article", "aside", "blockquote", "details", "div", "fieldset", "figure", "footer", "form", "header", "main", "nav", "section"]);
const VOID_BLOCKS = new Set(["area", "col", "hr"]);

/**
 * wpautop's rule, kept to what changes the text: in the post and in a container
 * (`<blockquote>`, `<div>`), a blank line ends a paragraph and each paragraph is a `<p>`; a
 * single line break inside one is a `<br>`; a block tag (`<ul>`, `<li>`, `<h2>`, `<table>`)
 * is never wrapped in `<p>`, and the line breaks between and beside block tags are layout.
 */
export function paragraphs(html: string): string {
  const open: string[] = [];
  let out = "";
  let from = 0;
  for (const match of html.matchAll(BLOCK_TOKEN)) {
    out += textRun(html.slice(from, match.index), open.at(-1));
    from = match.index + match[0].length;
    out += match[0];
    const [, raw, closing, name = ""] = match;
    if (raw) continue;
    const key = name.toLowerCase();
    if (closing) {
      const at = open.lastIndexOf(key);
      if (at >= 0) open.length = at;
    } else if (!VOID_BLOCKS.has(key) && !match[0].endsWith("/>")) {
      open.push(key);
    }
  }
  return (out + textRun(html.slice(from), open.at(-1))).trim();
}

/** Text between two block tags, inside `parent` (undefined at the post's top level). */
function textRun(run: string, parent: string | undefined): string {
  const text = run.trim();
  if (!text) return run;
  const before = run.slice(0, run.indexOf(text));
  const after = run.slice(before.length + text.length);
  const parts = text.split(/\n[ \t]*\n\s*/).map((part) => lineBreaks(part.trim()));
  // Inside a `<p>` (a marker split the block editor's paragraph), the paragraph is closed and opened again.
  if (parent === "p") return `${before}${parts.join("</p>\n\n<p>")}${after}`;
  const wrapped = parent === undefined || CONTAINERS.has(parent) || parts.length > 1 ? parts.map((part) => `<p>${part}</p>`) : parts;
  return `${before}${wrapped.join("\n\n")}${after}`;
}

/** A single line break inside a paragraph is a `<br>`, unless one is written there; a break inside a tag is none. */
function lineBreaks(paragraph: string): string {
  return paragraph.replace(/<[^>]*>|(?<!<br\s*\/?>[ \t]*)\n/gi, (token) => (token === "\n" ? "<br>\n" : token));
}

/**
 * A post's title as its reader saw it: WordPress prints titles as HTML, so
 * `Titre <em>en italique</em> &amp; co` reads `Titre en italique & co`.
 */
export function titleText(title: string): string {
  if (!/<[a-z/!]|&#?\w+;/i.test(title)) return title;
  const { document } = parseHTML(`<!doctype html><html><body>${title}</body></html>`);
  return (document.body.textContent ?? "").replace(/\s+/g, " ").trim();
}
