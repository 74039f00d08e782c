import type { ImportNotes } from "../messages/import-notes.ts";

/**
 * The template tags a Hugo, Jekyll or Eleventy post holds in its Markdown, which Revue does
 * not run: what the reader saw is kept, the rest of the body is left as written.
 * - Hugo shortcodes (`{{< name … >}}`, `{{% name … %}}`): a figure's title, caption and credit
 *   become a paragraph of text; `highlight` becomes a fenced code block; a paired shortcode
 *   keeps its inner text; the others (youtube, tweet, gist…) are removed; a shortcode inside
 *   Hugo's escape (a comment between `{{<` and `>}}`) is the literal text.
 * - Liquid (Jekyll) and Nunjucks (Eleventy) tags: `{% highlight %}` becomes a fenced code block,
 *   `{% raw %}` keeps its text as written, `{% comment %}` and `{# … #}` go with their text, an
 *   include keeps its caption or title; a link to another post (`post_url`, `link`, any tag
 *   that makes a link's address, Hugo's `ref`), or whose address a `{{ … }}` made, keeps its
 *   words, over more than one line too, and so does a reference link whose definition Liquid
 *   made (a loop's `[#{{ issue }}]: …`);
 *   a quoted text printed as it is (`{{ "…" }}`) stays; other tags and `{{ … }}` outputs are
 *   removed. A text kept inside another (`raw` in `highlight`) is put back whole.
 * Each kind of tag removed is named in the notes, for the editor to check.
 */
export type MarkupDialect = "hugo" | "liquid";

export interface CleanedMarkup {
  text: string;
  /** What was changed, in the words of `say`. */
  notes: string[];
}

export function cleanMarkup(body: string, dialects: ReadonlySet<MarkupDialect>, say: ImportNotes): CleanedMarkup {
  const kept: string[] = [];
  /** Text that no later step may touch (a `raw` block, an escaped shortcode), put back at the end. */
  const keep = (text: string) => `\u0000${kept.push(text) - 1}\u0000`;
  const removed = new Set<string>();
  const notes: string[] = [];
  let text = body;
  let captions = 0;
  let links = 0;

  if (dialects.has("hugo")) {
    text = text.replace(/\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g, (_all, open: string, inner: string, close: string) => keep(`{{${open}${inner}${close}}}`));
    text = text.replace(new RegExp(String.raw`${LINK_WORDS}\(\s*\{\{[<%]\s*(?:rel)?ref\s[\s\S]*?[>%]\}\}[^\s()]*\s*\)`, "g"), (_all, words: string) => (links++, words));
    text = text.replace(/\{\{[<%]\s*highlight\s+([\s\S]*?)\s*[>%]\}\}\n?([\s\S]*?)\n?\{\{[<%]\s*\/highlight\s*[>%]\}\}/g, (_all, args: string, code: string) => keep(fenced(code, String(argumentsOf(args).positional[0] ?? ""))));
    text = text.replace(/\{\{([<%])-?\s*(\/)?\s*([\w./-]+)([\s\S]*?)\s*\/?\s*-?[>%]\}\}/g, (_all, _open: string, closing: string | undefined, name: string, args: string) => {
      if (closing) return "";
      const caption = captionOf(argumentsOf(args).named);
      if (caption && FIGURES.has(name.toLowerCase())) {
        captions++;
        return caption;
      }
      removed.add(`{{< ${name} >}}`);
      return "";
    });
  }

  if (dialects.has("liquid")) {
    text = text.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, (_all, inner: string) => keep(inner));
    text = text.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, () => (removed.add("{% comment %}"), ""));
    text = text.replace(/\{#[\s\S]*?#\}/g, () => (removed.add("{# … #}"), ""));
    text = text.replace(new RegExp(String.raw`${LINK_WORDS}\(\s*(?:\{\{[^}]*\}\}\s*)?\{%-?\s*[\w-]+(?:[^%]|%(?!\}))*?-?%\}\s*\)`, "g"), (_all, words: string) => (links++, words));
    // A link whose address the site made (`{{ site.repository }}/…`, `{{ "/docs/" | relative_url }}`) led to the former site: its words stay.
    text = text.replace(new RegExp(String.raw`${LINK_WORDS}\(\s*[^\s()]*\{\{[^}]*\}\}[^\s()]*(?:\s+"[^"]*")?\s*\)`, "g"), (_all, words: string) => (links++, words));
    text = text.replace(/\{%-?\s*highlight\s+([^%]*?)\s*-?%\}\n?([\s\S]*?)\n?\{%-?\s*endhighlight\b[^%]*?-?%\}/g, (_all, args: string, code: string) => keep(fenced(code, String(argumentsOf(args).positional[0] ?? ""))));
    const reduced = withoutMadeReferences(text);
    text = reduced.text;
    links += reduced.links;
    text = text.replace(/\{%-?\s*(include\w*)\s+([\s\S]*?)\s*-?%\}/g, (_all, tag: string, args: string) => {
      const parsed = argumentsOf(args);
      const caption = captionOf(parsed.named);
      if (caption) {
        captions++;
        return caption;
      }
      removed.add(`{% ${tag} ${String(parsed.positional[0] ?? "").replace(/^["']|["']$/g, "")} %}`);
      return "";
    });
    text = text.replace(/\{%-?\s*(\w+)[\s\S]*?-?%\}/g, (_all, name: string) => (removed.add(`{% ${name} %}`), ""));
    // A quoted text with no filter printed itself: the reader saw it.
    text = text.replace(/\{\{-?\s*(["'])([^"'{}\n]*)\1\s*-?\}\}/g, (_all, _quote: string, literal: string) => literal);
    text = text.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (_all, expression: string) => (removed.add(`{{ ${expression.split(/[\s|]/)[0]} }}`), ""));
  }

  if (captions) notes.push(say.captionsKept(captions));
  if (links) notes.push(say.linksReduced(links));
  if (removed.size) notes.push(say.tagsRemoved([...removed]));
  // Removing a tag on its own line leaves blank lines: more than one in a row is no paragraph break Markdown reads.
  const tidied = removed.size || captions ? text.replace(/[ \t]+\n/g, (spaces, offset: number) => (isLineStart(text, offset) ? "\n" : spaces)).replace(/\n{3,}/g, "\n\n") : text;
  // A kept text may hold another (a `raw` block inside a `highlight`): each is put back whole.
  const restore = (text: string): string => text.replace(/\u0000(\d+)\u0000/g, (_all, index: string) => restore(kept[Number(index)] ?? ""));
  return { text: restore(tidied), notes };
}

/**
 * Reference links whose definition Liquid made: its address (`[History]: {{ site.baseurl }}/…`)
 * or its label too, a loop writing one per value (`[#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}`
 * defines `[#1037]`, `[#1040]`…). The definitions go, and the links that used them keep their
 * words, as links whose address Liquid made do; a label a definition of the text still gives
 * stays a link.
 */
function withoutMadeReferences(text: string): { text: string; links: number } {
  const made: RegExp[] = [];
  const kept = new Set<string>();
  const withoutDefinitions = text.replace(/^ {0,3}\[([^\]\n]+)\]:[ \t]*([^\n]*)$/gm, (line, label: string, rest: string) => {
    if (!/\{\{|\{%/.test(label + rest)) {
      kept.add(normalLabel(label));
      return line;
    }
    const parts = label.split(/\{\{[^}]*\}\}/).map((part) => normalLabel(part).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    made.push(new RegExp(`^${parts.join(".+?")}$`));
    return "";
  });
  if (!made.length) return { text, links: 0 };
  let links = 0;
  // `[words][label]`, `[label][]`, or `[label]` alone (not a link, an image or a definition of its own).
  const reference = new RegExp(String.raw`(!?)${LINK_WORDS}(?:\[([^\]\n]*)\]|(?![(\[:]))`, "g");
  const reducedText = withoutDefinitions.replace(reference, (all, bang: string, words: string, label: string | undefined) => {
    const target = normalLabel(label || words);
    if (bang || kept.has(target) || !made.some((pattern) => pattern.test(target))) return all;
    links++;
    return words;
  });
  return { text: reducedText, links };
}

/** A reference label as Markdown matches it: case and runs of spaces do not count. */
function normalLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

/** A link's words, over more than one line but not across a paragraph. */
const LINK_WORDS = String.raw`\[((?:[^\]\n]|\n(?![ \t]*\n))*)\]`;

/** Shortcodes and includes whose caption is text the reader saw under an image or a video. */
const FIGURES: ReadonlySet<string> = new Set(["figure", "image", "img", "imgcap", "picture", "photo"]);

/** A figure's title, caption and credit (`attr`), as its figcaption shows them. */
function captionOf(named: ReadonlyMap<string, string>): string {
  return ["title", "caption", "attr"].map((key) => named.get(key)?.trim() ?? "").filter(Boolean).join(" — ");
}

function fenced(code: string, language: string): string {
  const fence = /^```/m.test(code) ? "~~~" : "```";
  return `${fence}${language.replace(/^["']|["']$/g, "")}\n${code.replace(/\n+$/, "")}\n${fence}`;
}

/** A tag's arguments: `key="value"`, `key=value`, `key: "value"` (Liquid), and positional values, quoted or not. */
function argumentsOf(text: string): { named: Map<string, string>; positional: string[] } {
  const named = new Map<string, string>();
  const positional: string[] = [];
  const token = /([\w-]+)\s*[=:]\s*("(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`|[^\s,]+)|("(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`|[^\s,]+)/g;
  for (const match of text.matchAll(token)) {
    if (match[1] !== undefined) named.set(match[1].toLowerCase(), unquote(match[2] ?? ""));
    else positional.push(unquote(match[3] ?? ""));
  }
  return { named, positional };
}

function unquote(value: string): string {
  if (/^".*"$/s.test(value)) return value.slice(1, -1).replace(/\\(.)/g, "$1");
  if (/^'.*'$/s.test(value) || /^`.*`$/s.test(value)) return value.slice(1, -1);
  return value;
}

function isLineStart(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === "\n";
}
