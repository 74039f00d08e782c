import { parseHTML } from "linkedom";
import { ELEMENT_NODE, TEXT_NODE } from "./html-dom.ts";

/**
 * Parses with linkedom. linkedom keeps the tree as written, so a fragment or a page without
 * `<html>`/`<body>` gives a document whose `body` is empty and whose `documentElement` may
 * be a `<p>`: such a document is rebuilt with head elements in `<head>` and the rest in
 * `<body>`, which is what Readability and the selectors expect.
 */
export function parseDocument(raw: string): Document {
  const { document } = parseHTML(stripInert(raw.replace(/\u0000/g, "")));
  return isWellFormed(document) ? document : rebuild(document);
}

/**
 * Scripts (but JSON-LD), styles, comments and inline SVG are cut from the markup before it
 * is parsed: they are never read, they are often half of a saved page, and linkedom's cost
 * grows with every node it builds. Each cut is a scan for the opening and then the closing
 * tag, so the whole is linear even on hostile input (an opening without its closing tag
 * ends the cutting, as it would end the HTML parser's reading of markup).
 */
export function stripInert(html: string): string {
  let out = html;
  out = cutBlocks(out, /<script\b[^>]{0,2000}>/gi, /<\/script\s*>/gi, (open) => /ld\+json/i.test(open));
  out = cutBlocks(out, /<style\b[^>]{0,2000}>/gi, /<\/style\s*>/gi);
  out = cutBlocks(out, /<!--/g, /-->/g);
  out = cutBlocks(out, /<svg\b[^>]{0,2000}>/gi, /<\/svg\s*>/gi);
  return out;
}

function cutBlocks(html: string, open: RegExp, close: RegExp, keep?: (openTag: string) => boolean): string {
  const parts: string[] = [];
  let position = 0;
  open.lastIndex = 0;
  for (let start = open.exec(html); start; start = open.exec(html)) {
    close.lastIndex = start.index + start[0].length;
    const end = close.exec(html);
    if (!end) break;
    const stop = end.index + end[0].length;
    if (!keep?.(start[0])) {
      parts.push(html.slice(position, start.index));
      position = stop;
    }
    open.lastIndex = stop;
  }
  if (position === 0) return html;
  parts.push(html.slice(position));
  return parts.join("");
}

const HEAD_TAGS = new Set(["title", "meta", "link", "base", "style", "script", "noscript", "template"]);

function isWellFormed(document: Document): boolean {
  const root = document.documentElement as Element | null;
  if (!root || root.tagName.toLowerCase() !== "html") return false;
  let body: Element | undefined;
  for (const child of root.childNodes) {
    if (child.nodeType === TEXT_NODE && (child.nodeValue ?? "").trim() !== "") return false;
    if (child.nodeType !== ELEMENT_NODE) continue;
    const tag = (child as Element).tagName.toLowerCase();
    if (tag === "body") body = child as Element;
    else if (tag === "head") {
      if ([...(child as Element).children].some((inner) => !HEAD_TAGS.has(inner.tagName.toLowerCase()))) return false;
    } else return false;
  }
  return body !== undefined;
}

function rebuild(document: Document): Document {
  const head: string[] = [];
  const body: string[] = [];
  const place = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? "";
      if (value.trim() !== "" || body.length > 0) body.push(escapeText(value));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === "html" || tag === "head" || tag === "body") for (const child of [...element.childNodes]) place(child);
    else if (HEAD_TAGS.has(tag) && body.length === 0) head.push(element.outerHTML);
    else body.push(element.outerHTML);
  };
  for (const node of [...document.childNodes]) place(node);
  const root = document.documentElement as Element | null;
  const lang = root?.getAttribute("lang") ?? document.querySelector("html[lang]")?.getAttribute("lang");
  const langAttribute = lang ? ` lang="${escapeAttribute(lang)}"` : "";
  return parseHTML(`<!DOCTYPE html><html${langAttribute}><head>${head.join("")}</head><body>${body.join("")}</body></html>`).document;
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
