/** A dated function held by a person, as editors record it in the knowledge base. */
export interface Role {
  title: string;
  /** Id of the agency the role belongs to, when there is one in the knowledge base. */
  agency?: string;
  /** ISO date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

interface EntityBase {
  id: string;
  /** Canonical display name. */
  name: string;
  /** Names that identify this entity alone (validated unique across the base). */
  aliases: readonly string[];
  /** Names several entities may share ("ministère de l'Intérieur"); resolved by context. */
  sharedAliases: readonly string[];
  description?: string;
  /** ISO 3166 alpha-2 code of the country the entity belongs to; used to resolve shared aliases. */
  country?: string;
  /** URLs identifying the entity elsewhere (Wikidata, Wikipedia, official site). */
  sameAs: readonly string[];
  /** Where the entity was defined, for error messages. */
  file: string;
}

export interface Person extends EntityBase {
  kind: "person";
  roles: readonly Role[];
}

export interface Agency extends EntityBase {
  kind: "agency";
  acronym?: string;
  /** Category of institution (intelligence, police, ministry, court, parliament, international…). */
  category?: string;
  parent?: string;
  url?: string;
}

export type Actor = Person | Agency;

export interface Topic {
  id: string;
  kind: "topic";
  name: string;
  /** Words and phrases that signal the topic; a trailing `*` matches any ending. */
  keywords: readonly string[];
  /** How many keyword occurrences the body needs before the topic tags an article. */
  minMentions: number;
  description?: string;
  file: string;
}

export interface Place {
  id: string;
  kind: "place";
  name: string;
  aliases: readonly string[];
  /** country, region, city… */
  category: string;
  /** ISO 3166 alpha-2 code of the country the place is in (the country itself for a country). */
  country?: string;
  /** Adjectives that point at the country ("marocain", "espagnole"), used to read context. */
  demonyms: readonly string[];
  file: string;
}

/** How an aggregator's URL names the original publisher: `maghress.com/fr/<key>/…`. */
export interface AggregatorRule {
  /** Regular expression run on the URL's path; its first group is a key of `sources`. */
  path: string;
  /** Key found in the path → id of the original outlet. */
  sources: Readonly<Record<string, string>>;
}

export interface Outlet {
  id: string;
  kind: "outlet";
  name: string;
  aliases: readonly string[];
  domains: readonly string[];
  url?: string;
  country?: string;
  aggregator?: AggregatorRule;
  description?: string;
  file: string;
}

export type Entity = Actor | Topic | Place | Outlet;

/**
 * Extraction rules editors maintain as data (content/rules/): page furniture patterns,
 * name cues, given names. Compiled once when the base loads.
 */
export interface ExtractionRules {
  boilerplate: {
    /** A line that starts the related-articles zone. */
    sectionEnd: readonly RegExp[];
    /** A line listing tags ("Sujets associés : …"). */
    tags: readonly RegExp[];
    /** A line of navigation, share buttons, logos, offers, credits. */
    line: readonly RegExp[];
    /** A photo credit inside a line (global regexes, removed before names are read). */
    credit: readonly RegExp[];
    /** A byline; its `name` group names the author or the outlet. */
    byline: readonly RegExp[];
  };
  names: {
    honorifics: readonly string[];
    roles: readonly string[];
    particles: ReadonlySet<string>;
    institutionHeads: ReadonlySet<string>;
    placeContext: ReadonlySet<string>;
    notNames: ReadonlySet<string>;
    firstNames: ReadonlySet<string>;
    /** Words that cannot be a given name although a given-name list holds them ("France", "Avril"). */
    notGivenNames: ReadonlySet<string>;
    /** Phrases that announce a speaker right before a name ("selon", "a déclaré"). */
    announcers: readonly string[];
    /** Phrases that announce an author or a credit, not a person of the story ("rédigé par"). */
    authorCues: readonly string[];
    /** Names editors dismissed (content/rules/ignored-names.yml), folded: never tagged as unknown actors nor suggested. */
    ignored: ReadonlySet<string>;
  };
  /** The grammar of institution names (content/rules/institutions.yml), words folded. */
  institutions: InstitutionRules;
  /** How saved HTML pages name their furniture (content/rules/page-furniture.yml). */
  pageFurniture: PageFurnitureRules;
}

/**
 * The vocabulary of a saved page's furniture, as editors wrote it and the loader checked it:
 * texts and patterns, compiled where they are used (src/ingest/furniture-vocabulary.ts), so
 * that they cross to a worker process as they are.
 */
export interface PageFurnitureRules {
  /** Lowercase words of a class or id that name furniture ("share", "cookie"). */
  classWords: ReadonlySet<string>;
  /** Lowercase names found within a class or id, `-` and `_` taken out ("lireaussi", "sronly"). */
  classPhrases: readonly string[];
  /** Patterns of a share link's address, after its scheme and subdomains. */
  shareLinks: readonly string[];
  /** Patterns of a cookie notice's subject and of its button. */
  cookieWords: readonly string[];
  cookieActions: readonly string[];
  /** Patterns that open a teaser block: boilerplate.yml's `section_end`, shared with the text reader. */
  teaserCues: readonly string[];
}

export interface InstitutionRules {
  /** Head nouns, each as its folded words ("banque centrale" → ["banque", "centrale"]). */
  heads: readonly (readonly string[])[];
  lowercaseHeads: ReadonlySet<string>;
  standaloneHeads: ReadonlySet<string>;
  demonymHeads: ReadonlySet<string>;
  departmentHeads: ReadonlySet<string>;
  adjectives: ReadonlySet<string>;
  domains: ReadonlySet<string>;
  international: ReadonlySet<string>;
}

export interface KnowledgeBase {
  rules: ExtractionRules;
  people: ReadonlyMap<string, Person>;
  agencies: ReadonlyMap<string, Agency>;
  topics: ReadonlyMap<string, Topic>;
  places: ReadonlyMap<string, Place>;
  outlets: ReadonlyMap<string, Outlet>;
  /** A hash of every knowledge-base file: records extracted under another version are stale. */
  version: string;
}

