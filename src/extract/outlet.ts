import type { EntityRef } from "../model/article.ts";
import type { KnowledgeBase, Outlet } from "../model/knowledge.ts";
import { linearPattern, type LinearRegExp } from "../knowledge/linear-regexp.ts";
import { foldText } from "../text/fold.ts";
import { slugify } from "../text/slug.ts";

/**
 * The outlet that published the article, from the strongest evidence: the URL's domain
 * (an aggregator's URL names the original publisher), the page's site name, then what the
 * text says of itself ("Ecrit par : Bladi.net", "Logo Perspectives med", "© … / Le360").
 */
export interface OutletEvidence {
  url?: string | null | undefined;
  siteName?: string | undefined;
  /** Names bylines give, furniture lines, credit lines: searched for a known outlet. */
  cues: readonly string[];
}

export interface OutletIndex {
  byDomain: ReadonlyMap<string, Outlet>;
  byName: ReadonlyMap<string, Outlet>;
}

const indexes = new WeakMap<KnowledgeBase, OutletIndex>();

export function outletIndex(kb: KnowledgeBase): OutletIndex {
  let index = indexes.get(kb);
  if (!index) {
    const byDomain = new Map<string, Outlet>();
    const byName = new Map<string, Outlet>();
    for (const outlet of kb.outlets.values()) {
      for (const domain of outlet.domains) {
        byDomain.set(domain, outlet);
        const stem = domain.replace(/^(www|fr|ar|en)\./, "").replace(/\.[a-z]{2,}(\.[a-z]{2})?$/, "");
        if (stem.length >= 4 && !byName.has(foldText(stem))) byName.set(foldText(stem), outlet);
      }
      for (const name of [outlet.name, ...outlet.aliases, outlet.id]) byName.set(foldText(name), outlet);
    }
    index = { byDomain, byName };
    indexes.set(kb, index);
  }
  return index;
}

export function extractOutlet(evidence: OutletEvidence, kb: KnowledgeBase): EntityRef | null {
  const index = outletIndex(kb);
  const fromUrl = evidence.url ? outletOfUrl(evidence.url, kb, index) : undefined;
  if (fromUrl?.aggregator) {
    // An aggregator whose URL does not name the publisher: the page's "Source : L'Expression" may.
    const source = evidence.cues.map((cue) => findOutletName(cue, index)).find((outlet) => outlet && outlet !== fromUrl);
    if (source) return ref(source, "text", source.name);
  }
  if (fromUrl) return ref(fromUrl, "url", hostOf(evidence.url ?? "") ?? fromUrl.name);

  if (evidence.siteName) {
    const known = findOutletName(evidence.siteName, index) ?? siteNameParts(evidence.siteName).map((part) => findOutletName(part, index)).find(Boolean);
    if (known) return ref(known, "meta", evidence.siteName);
    const name = siteNameWithoutTagline(evidence.siteName, evidence.url ? hostOf(evidence.url) : undefined);
    return { id: slugify(name), name, via: "meta", mentions: [evidence.siteName] };
  }
  for (const cue of evidence.cues) {
    const known = findOutletName(cue, index);
    if (known) return ref(known, "text", cue);
  }
  // An outlet the base does not know yet: named by its domain, as readers name many sites.
  const host = evidence.url ? hostOf(evidence.url) : undefined;
  if (host) return { id: slugify(host), name: host, via: "url", mentions: [host] };
  return null;
}

/** Resolves an outlet an editor names in front matter: an id, a name, an alias or a domain. */
export function resolveOutlet(value: string, kb: KnowledgeBase): EntityRef {
  const index = outletIndex(kb);
  const known = kb.outlets.get(value) ?? index.byDomain.get(value.toLowerCase().replace(/^www\./, "")) ?? findOutletName(value, index);
  return known ? ref(known, "front-matter", value) : { id: slugify(value), name: value, via: "front-matter", mentions: [value] };
}

function ref(outlet: Outlet, via: EntityRef["via"], mention: string): EntityRef {
  return { id: outlet.id, name: outlet.name, via, mentions: [mention] };
}

/**
 * Labels that put another copy of a site on a sub-domain: the mobile and AMP editions, and the
 * staging and preview servers a newsroom's links sometimes leak ("staging.libe.io").
 */
const EDITION_LABEL = /^(www\d?|m|amp|mobile|staging\d?|stage|preprod|pre-prod|preview|dev|beta|test|uat|qa|recette)\./;
const STAGING_LABEL = /^(staging\d?|stage|preprod|pre-prod|preview|dev|beta|test|uat|qa|recette)\./;
/** Top-level domains of development servers rather than of a newsroom's public site. */
const DEVELOPMENT_TLD = /\.(io|dev|app|test|local|localhost|cloud|site)$/;

function hostOf(url: string): string | undefined {
  return editionOf(url)?.host;
}

/** The host without its edition labels, and whether one of them named a staging or preview server. */
function editionOf(url: string): { host: string; staging: boolean } | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  let staging = DEVELOPMENT_TLD.test(host);
  while (EDITION_LABEL.test(host) && host.split(".").length > 2) {
    staging ||= STAGING_LABEL.test(host);
    host = host.replace(EDITION_LABEL, "");
  }
  return { host, staging };
}

/** "Le Monde.fr - Actualités et Infos en France et dans le monde" → "Le Monde.fr", "Actualités et Infos…". */
function siteNameParts(siteName: string): string[] {
  return siteName.split(/\s+[-–—|:·•]\s+|\s*\|\s*/).map((part) => part.trim()).filter(Boolean);
}

/**
 * A site name the base does not know, without its tagline: the part that names the domain
 * ("Le Courrier | Quotidien suisse indépendant" on lecourrier.ch), else the first part.
 */
function siteNameWithoutTagline(siteName: string, host: string | undefined): string {
  const parts = siteNameParts(siteName);
  const stem = host ? foldText(registrableLabel(host)).replace(/[^a-z0-9]/g, "") : "";
  const namesDomain = (part: string) => {
    const squeezed = foldText(part).replace(/[^a-z0-9]/g, "");
    return stem.length >= 3 && (squeezed.includes(stem) || stem.includes(squeezed));
  };
  return (parts.find(namesDomain) ?? parts[0] ?? siteName).trim();
}

/** "lecourrier" of "www.lecourrier.ch", "libe" of "staging.libe.io". */
function registrableLabel(host: string): string {
  const labels = host.split(".");
  const secondLevel = labels.length >= 3 && /^(co|com|org|net|gov|gouv|ac)$/.test(labels.at(-2) ?? "");
  return labels.at(secondLevel ? -3 : -2) ?? host;
}

export function outletOfUrl(url: string, kb: KnowledgeBase, index = outletIndex(kb)): Outlet | undefined {
  const edition = editionOf(url);
  if (!edition) return undefined;
  const host = edition.host;
  let outlet: Outlet | undefined;
  // fr.le360.ma → fr.le360.ma, then le360.ma.
  for (let candidate = host; candidate.includes("."); candidate = candidate.slice(candidate.indexOf(".") + 1)) {
    outlet = index.byDomain.get(candidate);
    if (outlet) break;
  }
  // A staging or preview server ("staging.libe.io", "preprod.example.dev") stands for the outlet its name gives.
  if (!outlet && edition.staging) {
    const label = registrableLabel(host);
    if (label.length >= 3) outlet = index.byName.get(foldText(label));
  }
  if (outlet?.aggregator) {
    const path = new URL(url).pathname;
    const key = aggregatorPattern(outlet.aggregator.path)?.exec(path)?.[1];
    // The key names the publisher in the aggregator's table, or is the publisher's own short name ("elwatan").
    const source = key ? kb.outlets.get(outlet.aggregator.sources[key] ?? "") ?? index.byName.get(foldText(key)) : undefined;
    if (source && source !== outlet) return source;
  }
  return outlet;
}

/**
 * An aggregator's path pattern, compiled once per process, in the linear-time engine: an
 * editor's pattern cannot hang the build. One it cannot run was refused when the knowledge
 * base was loaded (../knowledge/entries.ts).
 */
function aggregatorPattern(source: string): LinearRegExp | undefined {
  if (!aggregatorPatterns.has(source)) {
    const compiled = linearPattern(source);
    aggregatorPatterns.set(source, "regex" in compiled ? compiled.regex : undefined);
  }
  return aggregatorPatterns.get(source);
}

const aggregatorPatterns = new Map<string, LinearRegExp | undefined>();

/**
 * A known outlet named in a cue: the whole cue ("Bladi.net"), or its words after
 * "Logo"/"logo du site" or after the last "/" of a credit ("Said Bouchrit / Le360").
 */
function findOutletName(cue: string, index: OutletIndex): Outlet | undefined {
  const folded = foldText(cue);
  const tries = [
    folded,
    folded.replace(/^logo( du site| de)?\s+/, ""),
    folded.split("/").at(-1)?.trim() ?? "",
    folded.replace(/^(©|\(c\)|copyright)\s*:?\s*/, ""),
    folded.replace(/^sources?\s*:\s*/, ""),
    // "Le Monde.fr": a name written as a domain.
    folded.replace(/\.[a-z]{2,4}$/, ""),
  ];
  for (const attempt of tries) {
    const outlet = index.byName.get(attempt) ?? index.byName.get(attempt.replace(/\s/g, ""));
    if (outlet) return outlet;
  }
  return undefined;
}
