import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { aliasKey } from "../../src/knowledge/names.ts";
import { RULE_FILES } from "../../src/knowledge/rules.ts";
import { slugify } from "../../src/text/slug.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

/*
 * A deterministic generator of realistic benchmark corpora: a knowledge base of people,
 * agencies, topics, places and outlets, and French news articles that name them the way
 * the press does ("Prénom Nom, directeur de la …", "M. Nom", an acronym defined once).
 * Front matter carries only title, date, outlet and url, so every actor, place and topic
 * must be found by extraction: the corpus measures the extractor, not the front matter.
 *
 * Everything comes from seeded PRNG streams (never Math.random, never the clock): one for
 * the knowledge base, and one per article derived from (seed, index), so that article i is
 * the same whatever the number of articles asked for. Articles are written one at a time
 * and never held: only their slugs are kept, to keep them unique.
 */

export interface CorpusOptions {
  articles: number;
  /** People + agencies in the knowledge base (about 70 % people). Default 1200. */
  actors?: number;
  /** Default 1. */
  seed?: number;
  /** Approximate size of an article body in bytes. Default: 400–900 words (≈ 2.5–6 KB). */
  bytesPerArticle?: number;
}

export interface CorpusSummary {
  articles: number;
  people: number;
  agencies: number;
  /** Bytes written, every file included. */
  bytes: number;
}

/** Written first in every generated folder: the generator only ever overwrites its own output. */
export const CORPUS_MARKER = ".revue-bench";
/** What the generator writes in `dir`, and removes before regenerating there. */
const OWNED_ENTRIES = ["actors", "topics", "places", "outlets", "rules", "articles", "site.yml", CORPUS_MARKER] as const;
const PROJECT_CONTENT = join(PROJECT_ROOT, "content");

const DEFAULT_ACTORS = 1200;
const PEOPLE_SHARE = 0.7;
const MIN_ACTORS = 4;
const FIRST_YEAR = 2005;
const LAST_YEAR = 2025;

/**
 * Writes a complete content folder at `dir` (laid out like the project's `content/`):
 * actors, topics, places, outlets, rules, site.yml and `articles/YYYY/YYYY-MM-DD-slug.md`.
 * Creates `dir` if needed; refuses a non-empty folder that lacks the generator's marker,
 * and replaces the corpus in one that has it. Throws RangeError on impossible options.
 */
export function generateCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const settings = checkOptions(options);
  prepareFolder(dir);
  const out = new Writer(dir);
  out.text(CORPUS_MARKER, `# Made by scripts/bench/generate-corpus.ts; generating again here replaces this corpus.\n${JSON.stringify(settings)}\n`);

  const kb = buildKnowledgeBase(settings.actors, settings.seed);
  writeKnowledgeBase(out, kb);
  for (const name of RULE_FILES) out.text(name, readFileSync(join(PROJECT_CONTENT, name), "utf8"));
  out.text("site.yml", SITE_YML);

  const index = indexKnowledgeBase(kb);
  const slugs = new Set<string>();
  for (let i = 0; i < settings.articles; i++) {
    const article = writeArticle(i, settings, index, slugs);
    out.text(article.path, article.text);
  }
  return { articles: settings.articles, people: kb.people.length, agencies: kb.agencies.length, bytes: out.bytes };
}

interface Settings {
  articles: number;
  actors: number;
  seed: number;
  bytesPerArticle: number | null;
}

function checkOptions(options: CorpusOptions): Settings {
  const { articles, actors = DEFAULT_ACTORS, seed = 1, bytesPerArticle } = options;
  if (!Number.isInteger(articles) || articles < 0) throw new RangeError(`articles must be a whole number ≥ 0, not ${articles}`);
  if (!Number.isInteger(actors) || actors < MIN_ACTORS) throw new RangeError(`actors must be a whole number ≥ ${MIN_ACTORS}, not ${actors}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a number, not ${seed}`);
  if (bytesPerArticle !== undefined && !(Number.isFinite(bytesPerArticle) && bytesPerArticle > 0)) {
    throw new RangeError(`bytesPerArticle must be a positive number, not ${bytesPerArticle}`);
  }
  return { articles, actors, seed: seed >>> 0, bytesPerArticle: bytesPerArticle ?? null };
}

/** Creates `dir`, or empties the corpus a previous run left there; never touches a folder it did not make. */
function prepareFolder(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    return;
  }
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(CORPUS_MARKER)) {
    throw new Error(`refusing to write into ${dir}: it is not empty and was not made by the corpus generator (no ${CORPUS_MARKER} file)`);
  }
  for (const name of OWNED_ENTRIES) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Writes files below a root, creating folders once, and counts the bytes. */
class Writer {
  bytes = 0;
  private readonly folders = new Set<string>();
  constructor(private readonly root: string) {}

  text(relativePath: string, text: string): void {
    const slash = relativePath.lastIndexOf("/");
    if (slash > 0) {
      const folder = relativePath.slice(0, slash);
      if (!this.folders.has(folder)) {
        mkdirSync(join(this.root, folder), { recursive: true });
        this.folders.add(folder);
      }
    }
    const data = Buffer.from(text, "utf8");
    writeFileSync(join(this.root, relativePath), data);
    this.bytes += data.length;
  }
}

// ---------------------------------------------------------------------------------------
// Randomness

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough to make prose; the same seed gives the same stream everywhere. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent streams from one seed (murmur3's finaliser), so that parts do not shift each other. */
function streamSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = items.at(-1);
  if (!last) throw new Error("weighted() from an empty list");
  return last[0];
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// French helpers

type Gender = "m" | "f";

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const startsWithVowel = (text: string): boolean => /^[aeiouyàâéèêëîïôöûüAEIOUYÀÂÉÈÊËÎÏÔÖÛÜ]/.test(text);

/** "la Direction…", "le Bureau…", "l'Office…": the definite article before a name. */
function withArticle(name: string, gender: Gender): string {
  return startsWithVowel(name) ? `l'${name}` : `${gender === "f" ? "la" : "le"} ${name}`;
}

/** "de la Direction…", "du Bureau…", "de l'Office…". */
function deName(name: string, gender: Gender): string {
  return startsWithVowel(name) ? `de l'${name}` : gender === "f" ? `de la ${name}` : `du ${name}`;
}

/** "à la Direction…", "au Bureau…", "à l'Office…". */
function aName(name: string, gender: Gender): string {
  return startsWithVowel(name) ? `à l'${name}` : gender === "f" ? `à la ${name}` : `au ${name}`;
}

/** "de Tanger", "d'Oujda". */
const deCity = (city: string): string => (startsWithVowel(city) ? `d'${city}` : `de ${city}`);

/** A person as written, after "de": "du directeur…", "de la directrice…", "d'Ahmed Benali", "de M. Benali". */
function deMention(text: string): string {
  if (text.startsWith("le ")) return `du ${text.slice(3)}`;
  if (text.startsWith("la ") || text.startsWith("l'")) return `de ${text}`;
  return startsWithVowel(text) ? `d'${text}` : `de ${text}`;
}

/** A phrase that starts with a definite article, after "de": "la lutte…" → "de la lutte…", "le trafic…" → "du trafic…". */
function dePhrase(phrase: string): string {
  if (phrase.startsWith("le ")) return `du ${phrase.slice(3)}`;
  if (phrase.startsWith("les ")) return `des ${phrase.slice(4)}`;
  return `de ${phrase}`;
}

/** The same after "à": "au trafic…", "aux flux…", "à la lutte…". */
function aPhrase(phrase: string): string {
  if (phrase.startsWith("le ")) return `au ${phrase.slice(3)}`;
  if (phrase.startsWith("les ")) return `aux ${phrase.slice(4)}`;
  return `à ${phrase}`;
}

const WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"] as const;
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

// ---------------------------------------------------------------------------------------
// Word lists

interface Demonym {
  m: string;
  f: string;
  mp: string;
  fp: string;
}

interface Country {
  code: string;
  /** File name under places/. */
  file: string;
  name: string;
  aliases: readonly string[];
  /** "le Maroc", "au Maroc", "du Maroc"; `from` as in "l'ambassadeur d'Espagne". */
  the: string;
  in: string;
  of: string;
  from: string;
  dem: Demonym;
  capital: string;
  cities: readonly string[];
  /** How often the archive is about this country. */
  weight: number;
}

const COUNTRIES: readonly Country[] = [
  {
    code: "MA", file: "maroc", name: "Maroc", aliases: ["Royaume du Maroc"], the: "le Maroc", in: "au Maroc", of: "du Maroc", from: "du Maroc",
    dem: { m: "marocain", f: "marocaine", mp: "marocains", fp: "marocaines" }, capital: "Rabat",
    cities: ["Rabat", "Casablanca", "Tanger", "Fès", "Marrakech", "Agadir", "Oujda", "Tétouan", "Nador", "Laâyoune", "Meknès", "Kénitra"], weight: 45,
  },
  {
    code: "ES", file: "espagne", name: "Espagne", aliases: [], the: "l'Espagne", in: "en Espagne", of: "de l'Espagne", from: "d'Espagne",
    dem: { m: "espagnol", f: "espagnole", mp: "espagnols", fp: "espagnoles" }, capital: "Madrid",
    cities: ["Madrid", "Barcelone", "Séville", "Algésiras", "Malaga", "Ceuta", "Melilla", "Almería", "Cadix"], weight: 15,
  },
  {
    code: "FR", file: "france", name: "France", aliases: [], the: "la France", in: "en France", of: "de la France", from: "de France",
    dem: { m: "français", f: "française", mp: "français", fp: "françaises" }, capital: "Paris",
    cities: ["Paris", "Marseille", "Lyon", "Toulouse", "Bordeaux", "Lille", "Strasbourg", "Montpellier", "Perpignan"], weight: 15,
  },
  {
    code: "US", file: "etats-unis", name: "États-Unis", aliases: ["Amérique"], the: "les États-Unis", in: "aux États-Unis", of: "des États-Unis", from: "des États-Unis",
    dem: { m: "américain", f: "américaine", mp: "américains", fp: "américaines" }, capital: "Washington",
    cities: ["Washington", "New York", "Miami", "Chicago", "Los Angeles"], weight: 8,
  },
  {
    code: "DZ", file: "algerie", name: "Algérie", aliases: [], the: "l'Algérie", in: "en Algérie", of: "de l'Algérie", from: "d'Algérie",
    dem: { m: "algérien", f: "algérienne", mp: "algériens", fp: "algériennes" }, capital: "Alger",
    cities: ["Alger", "Oran", "Constantine", "Annaba", "Tlemcen"], weight: 6,
  },
  {
    code: "TN", file: "tunisie", name: "Tunisie", aliases: [], the: "la Tunisie", in: "en Tunisie", of: "de la Tunisie", from: "de Tunisie",
    dem: { m: "tunisien", f: "tunisienne", mp: "tunisiens", fp: "tunisiennes" }, capital: "Tunis",
    cities: ["Tunis", "Sfax", "Sousse", "Bizerte", "Kairouan"], weight: 5,
  },
  {
    code: "BE", file: "belgique", name: "Belgique", aliases: [], the: "la Belgique", in: "en Belgique", of: "de la Belgique", from: "de Belgique",
    dem: { m: "belge", f: "belge", mp: "belges", fp: "belges" }, capital: "Bruxelles",
    cities: ["Bruxelles", "Anvers", "Liège", "Charleroi", "Gand"], weight: 3,
  },
  {
    code: "GB", file: "royaume-uni", name: "Royaume-Uni", aliases: ["Grande-Bretagne"], the: "le Royaume-Uni", in: "au Royaume-Uni", of: "du Royaume-Uni", from: "du Royaume-Uni",
    dem: { m: "britannique", f: "britannique", mp: "britanniques", fp: "britanniques" }, capital: "Londres",
    cities: ["Londres", "Manchester", "Birmingham", "Liverpool"], weight: 3,
  },
];

const COUNTRY_BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));
const COUNTRY_WEIGHTS = COUNTRIES.map((country) => [country, country.weight] as const);

function countryOf(code: string): Country {
  const country = COUNTRY_BY_CODE.get(code);
  if (!country) throw new Error(`unknown country ${code}`);
  return country;
}

interface Origin {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  countries: readonly (readonly [string, number])[];
  weight: number;
}

/**
 * Given names and surnames by origin. Surnames are never given names, places or common
 * French words: a surname alone becomes an alias, and a one-word alias matches any
 * capitalised occurrence of the word.
 */
const ORIGINS: readonly Origin[] = [
  {
    male: ["Ahmed", "Mohamed", "Youssef", "Karim", "Hicham", "Rachid", "Mustapha", "Saïd", "Abdelkader", "Abdellah", "Omar", "Hamid", "Khalid", "Noureddine", "Driss", "Jamal", "Nabil", "Tarik", "Mehdi", "Hassan", "Brahim", "Aziz", "Redouane", "Samir", "Adil", "Anouar", "Ismail", "Yassine", "Mounir", "Othmane", "Zakaria", "Larbi", "Abdelhak", "Fouad", "Jalal", "Abderrahim", "Lahcen", "Mourad", "Bilal", "Hamza"],
    female: ["Fatima", "Khadija", "Amina", "Nadia", "Samira", "Latifa", "Malika", "Naima", "Zineb", "Salma", "Houda", "Imane", "Siham", "Leila", "Meriem", "Soumia", "Hanane", "Karima", "Nawal", "Rachida", "Asmaa", "Loubna", "Ghizlane", "Wafae", "Bouchra"],
    surnames: ["Benali", "Alaoui", "El Idrissi", "Bennani", "Tazi", "Berrada", "El Fassi", "Chraibi", "Bensaid", "Lahlou", "Ouazzani", "Benjelloun", "El Amrani", "Cherkaoui", "Kettani", "Sqalli", "Belhaj", "Zniber", "Mansouri", "El Khatib", "Hajji", "Boukili", "Naciri", "Benkirane", "Ziani", "Tahiri", "Bouazza", "Rahmouni", "Lamrani", "Hamdaoui", "Belkadi", "Sebti", "Kabbaj", "Guessous", "Filali", "El Mokhtari", "Bouzidi", "Mebarki", "Bensalah", "Djebbar", "Khelifi", "Saadi", "Toumi", "Haddad", "Mejri", "Trabelsi", "Gharbi", "Jaziri", "Ait Lahcen", "Ouali", "Bouchentouf", "Zerhouni", "Essaidi", "El Ouardi", "Benmoussa", "Akhannouch", "Dkhissi", "Laftit", "Amzazi", "Guerraoui"],
    countries: [["MA", 70], ["DZ", 18], ["TN", 12]],
    weight: 50,
  },
  {
    male: ["Jean", "Pierre", "Philippe", "François", "Nicolas", "Laurent", "Olivier", "Thierry", "Christophe", "Frédéric", "Stéphane", "Éric", "Julien", "Guillaume", "Antoine", "Vincent", "Bruno", "Patrick", "Alain", "Didier", "Sébastien", "Mathieu", "Xavier", "Benoît", "Hervé"],
    female: ["Marie", "Isabelle", "Nathalie", "Sophie", "Catherine", "Valérie", "Sandrine", "Claire", "Hélène", "Anne", "Camille", "Élodie", "Céline", "Aurélie", "Florence", "Christine", "Sylvie", "Agnès", "Delphine", "Caroline"],
    surnames: ["Dubois", "Lefebvre", "Moreau", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Mercier", "Boyer", "Garnier", "Faure", "Gauthier", "Perrin", "Morin", "Roussel", "Gautier", "Masson", "Duval", "Dumont", "Lemaire", "Brunet", "Blanchard", "Giraud", "Gaillard", "Barbier", "Renaud", "Schmitt", "Caron", "Picard", "Lacroix", "Aubert", "Lemoine", "Dufour", "Leclerc", "Bertin", "Carpentier", "Delmas", "Perrot", "Cordier", "Marty", "Lebrun", "Vasseur", "Deschamps", "Pelletier", "Tessier", "Charpentier", "Rolland"],
    countries: [["FR", 82], ["BE", 18]],
    weight: 25,
  },
  {
    male: ["José", "Juan", "Antonio", "Manuel", "Francisco", "Javier", "Carlos", "Miguel", "Alejandro", "Rafael", "Pedro", "Fernando", "Luis", "Sergio", "Jorge", "Alberto", "Pablo", "Ignacio", "Andrés", "Raúl"],
    female: ["María", "Carmen", "Ana", "Lucía", "Isabel", "Laura", "Cristina", "Marta", "Elena", "Pilar", "Rocío", "Beatriz", "Teresa", "Nuria", "Inmaculada"],
    surnames: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz", "Muñoz", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Serrano", "Ramos", "Castro", "Ortega", "Rubio", "Molina", "Delgado", "Morales", "Ortiz", "Iglesias", "Garrido", "Herrera", "Cortés", "Castillo", "Lozano", "Guerrero", "Prieto", "Méndez", "Calvo", "de la Fuente", "del Río", "Sáez", "Baleiz"],
    countries: [["ES", 100]],
    weight: 12,
  },
  {
    male: ["John", "Michael", "David", "James", "Robert", "William", "Richard", "Thomas", "Mark", "Paul", "Steven", "Andrew", "Kevin", "Brian", "Daniel"],
    female: ["Mary", "Jennifer", "Linda", "Patricia", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen", "Emily", "Rebecca", "Rachel", "Amanda", "Kathleen", "Margaret"],
    surnames: ["Smith", "Johnson", "Miller", "Wilson", "Taylor", "Anderson", "Jackson", "Harris", "Clark", "Walker", "Wright", "Baker", "Adams", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Rogers", "Cooper", "Peterson", "Bailey", "Richardson", "Watson", "Brooks", "Bennett", "Hughes", "Sanders", "Myers", "Foster", "Haines", "Fletcher"],
    countries: [["US", 70], ["GB", 30]],
    weight: 13,
  },
];

type Category = "renseignement" | "police" | "gendarmerie" | "armee" | "justice" | "ministere" | "diplomatie" | "international" | "douane" | "autre";

/** A title a person can hold in an agency: how it is written, and how it attaches to the agency's name. */
interface TitleSpec {
  m: string;
  f: string;
  /** "directeur de la DRST", "procureur général près la Cour d'appel", or the title alone. */
  link: "de" | "près" | "none";
}

const t = (m: string, f: string = m, link: TitleSpec["link"] = "de"): TitleSpec => ({ m, f, link });

/** Titles held below the head of an agency, by category. */
const STAFF_TITLES: Readonly<Record<Category, readonly TitleSpec[]>> = {
  police: [t("directeur adjoint", "directrice adjointe"), t("commissaire divisionnaire"), t("commissaire principal", "commissaire principale"), t("contrôleur général", "contrôleuse générale"), t("porte-parole"), t("chef de la division opérationnelle", "cheffe de la division opérationnelle")],
  renseignement: [t("directeur adjoint", "directrice adjointe"), t("chef de la division antiterroriste", "cheffe de la division antiterroriste"), t("analyste principal", "analyste principale"), t("conseiller", "conseillère")],
  gendarmerie: [t("colonel"), t("général de brigade"), t("commandant"), t("lieutenant-colonel")],
  armee: [t("général de division"), t("colonel-major"), t("chef d'état-major adjoint", "cheffe d'état-major adjointe")],
  douane: [t("inspecteur principal", "inspectrice principale"), t("directeur adjoint", "directrice adjointe"), t("chef de la brigade mobile", "cheffe de la brigade mobile")],
  justice: [t("procureur général", "procureure générale", "près"), t("juge d'instruction", "juge d'instruction", "près"), t("président de chambre", "présidente de chambre"), t("substitut du procureur", "substitute du procureur", "près")],
  ministere: [t("conseiller", "conseillère"), t("directeur de cabinet", "directrice de cabinet")],
  diplomatie: [t("premier conseiller", "première conseillère"), t("attaché de sécurité intérieure", "attachée de sécurité intérieure")],
  international: [t("directeur exécutif", "directrice exécutive"), t("coordinateur régional", "coordinatrice régionale"), t("expert principal", "experte principale")],
  autre: [t("directeur adjoint", "directrice adjointe"), t("conseiller technique", "conseillère technique"), t("secrétaire général", "secrétaire générale")],
};

/** How a person is introduced in a description ("Magistrat marocain, …"). */
const PERSON_NOUNS: Readonly<Record<Category, readonly [string, string]>> = {
  police: ["Haut fonctionnaire de police", "Haute fonctionnaire de police"],
  renseignement: ["Responsable du renseignement", "Responsable du renseignement"],
  gendarmerie: ["Officier de gendarmerie", "Officière de gendarmerie"],
  armee: ["Officier supérieur", "Officière supérieure"],
  douane: ["Haut fonctionnaire des douanes", "Haute fonctionnaire des douanes"],
  justice: ["Magistrat", "Magistrate"],
  ministere: ["Responsable politique", "Responsable politique"],
  diplomatie: ["Diplomate", "Diplomate"],
  international: ["Fonctionnaire international", "Fonctionnaire internationale"],
  autre: ["Haut fonctionnaire", "Haute fonctionnaire"],
};

/** How an agency is introduced in its description, and the gender its adjective takes. */
const AGENCY_NOUNS: Readonly<Record<Category, readonly [string, Gender]>> = {
  police: ["Service de police", "m"],
  renseignement: ["Service de renseignement", "m"],
  gendarmerie: ["Unité de gendarmerie", "f"],
  armee: ["Service militaire", "m"],
  douane: ["Administration douanière", "f"],
  justice: ["Juridiction", "f"],
  ministere: ["Ministère", "m"],
  diplomatie: ["Représentation diplomatique", "f"],
  international: ["Organisme international", "m"],
  autre: ["Administration", "f"],
};

interface Head {
  word: string;
  gender: Gender;
  chief: TitleSpec;
  /** "directeur général" of a "Direction générale": the chief's title takes the adjective. */
  chiefTakesAdjective: boolean;
}

const HEADS: readonly Head[] = [
  { word: "Direction", gender: "f", chief: t("directeur", "directrice"), chiefTakesAdjective: true },
  { word: "Bureau", gender: "m", chief: t("chef", "cheffe"), chiefTakesAdjective: false },
  { word: "Office", gender: "m", chief: t("directeur", "directrice"), chiefTakesAdjective: false },
  { word: "Service", gender: "m", chief: t("chef", "cheffe"), chiefTakesAdjective: false },
  { word: "Agence", gender: "f", chief: t("directeur général", "directrice générale"), chiefTakesAdjective: false },
  { word: "Brigade", gender: "f", chief: t("commandant"), chiefTakesAdjective: false },
  { word: "Inspection", gender: "f", chief: t("inspecteur", "inspectrice"), chiefTakesAdjective: true },
  { word: "Délégation", gender: "f", chief: t("délégué", "déléguée"), chiefTakesAdjective: true },
  { word: "Centre", gender: "m", chief: t("directeur", "directrice"), chiefTakesAdjective: false },
  { word: "Division", gender: "f", chief: t("chef", "cheffe"), chiefTakesAdjective: false },
  { word: "Département", gender: "m", chief: t("directeur", "directrice"), chiefTakesAdjective: false },
  { word: "Commandement", gender: "m", chief: t("commandant"), chiefTakesAdjective: false },
];

interface Adjective {
  m: string;
  f: string;
}

const NATIONAL_ADJECTIVES: readonly Adjective[] = [
  { m: "général", f: "générale" },
  { m: "central", f: "centrale" },
  { m: "national", f: "nationale" },
];
const REGIONAL_ADJECTIVES: readonly Adjective[] = [
  { m: "régional", f: "régionale" },
  { m: "provincial", f: "provinciale" },
  { m: "préfectoral", f: "préfectorale" },
  { m: "interrégional", f: "interrégionale" },
];
const INTERNATIONAL_ADJECTIVES: readonly Adjective[] = [
  { m: "euro-méditerranéen", f: "euro-méditerranéenne" },
  { m: "maghrébin", f: "maghrébine" },
  { m: "africain", f: "africaine" },
  { m: "international", f: "internationale" },
  { m: "régional africain", f: "régionale africaine" },
];

/** What a generic agency is in charge of: the end of its name. */
const DOMAINS: readonly (readonly [string, Category])[] = [
  ["de la sécurité publique", "police"],
  ["de la police judiciaire", "police"],
  ["des enquêtes financières", "police"],
  ["des investigations criminelles", "police"],
  ["de la lutte contre le terrorisme", "police"],
  ["de la lutte antidrogue", "police"],
  ["de la criminalité organisée", "police"],
  ["de l'immigration et des frontières", "police"],
  ["de la police scientifique", "police"],
  ["de la sûreté aéroportuaire", "police"],
  ["de la coopération policière internationale", "police"],
  ["des affaires criminelles", "police"],
  ["du renseignement intérieur", "renseignement"],
  ["de la surveillance du territoire", "renseignement"],
  ["du contre-espionnage", "renseignement"],
  ["des renseignements généraux", "renseignement"],
  ["de la documentation et de la sécurité", "renseignement"],
  ["de la cybersécurité", "renseignement"],
  ["du renseignement financier", "renseignement"],
  ["de la gendarmerie maritime", "gendarmerie"],
  ["de la gendarmerie des transports", "gendarmerie"],
  ["de la surveillance côtière", "gendarmerie"],
  ["de la sécurité militaire", "armee"],
  ["du renseignement militaire", "armee"],
  ["des opérations spéciales", "armee"],
  ["des douanes et impôts indirects", "douane"],
  ["de la lutte contre la contrebande", "douane"],
  ["du contrôle douanier", "douane"],
  ["de la protection civile", "autre"],
  ["de la sécurité routière", "autre"],
  ["de la formation des cadres de sécurité", "autre"],
];

const INTERNATIONAL_DOMAINS: readonly string[] = [
  "de coopération policière",
  "de lutte contre le terrorisme",
  "de coordination antidrogue",
  "des polices criminelles",
  "de lutte contre la traite",
  "d'études sécuritaires",
  "de sécurité maritime",
];

const COURTS: readonly (readonly [string, Gender, readonly TitleSpec[]])[] = [
  ["Cour d'appel", "f", [t("premier président", "première présidente"), t("procureur général", "procureure générale", "près")]],
  ["Tribunal de première instance", "m", [t("président", "présidente"), t("procureur", "procureure", "près")]],
  ["Parquet général", "m", [t("procureur général", "procureure générale", "none"), t("avocat général", "avocate générale")]],
  ["Chambre criminelle", "f", [t("président", "présidente")]],
  ["Tribunal administratif", "m", [t("président", "présidente")]],
  ["Pôle antiterroriste", "m", [t("juge d'instruction", "juge d'instruction", "de"), t("coordinateur", "coordinatrice")]],
];

const MINISTRIES: readonly (readonly [portfolio: string, shared: string])[] = [
  ["de l'Intérieur", "ministère de l'Intérieur"],
  ["de la Justice", "ministère de la Justice"],
  ["des Affaires étrangères", "ministère des Affaires étrangères"],
];

/** Words left out of an acronym: "Direction régionale de la sécurité de Tanger" → DRST. */
const ACRONYM_STOPWORDS = new Set(["de", "la", "le", "les", "des", "du", "d", "l", "et", "en", "pour", "contre", "au", "aux", "à", "sur"]);
/** Capitalised words the prose uses for something else: an agency never takes them as its acronym. */
const RESERVED_ACRONYMS = new Set(["ONU", "UE", "USA", "FBI", "CIA", "OTAN", "ADN", "PDG", "SAR", "DNA", "TGV", "ONG"]);

/**
 * A crime topic is what an article is about: its `problems` fill "impliqués dans …",
 * "face à …", and its `responses` fill "renforcer …", "portant sur …". A frame topic
 * (cooperation, diplomacy, training…) only has responses. An event topic (trials,
 * decorations, nominations) has neither: its keywords come with the story's own words.
 * Every phrase starts with a definite article and contains one of the topic's keywords.
 */
interface TopicSpec {
  id: string;
  name: string;
  description: string;
  keywords: readonly string[];
  kind: "crime" | "frame" | "event";
  problems: readonly string[];
  responses: readonly string[];
}

const topic = (id: string, name: string, description: string, keywords: readonly string[], problems: readonly string[], responses: readonly string[]): TopicSpec => ({
  id,
  name,
  description,
  keywords,
  kind: problems.length ? "crime" : responses.length ? "frame" : "event",
  problems,
  responses,
});

const TOPICS: readonly TopicSpec[] = [
  topic("terrorisme", "Terrorisme", "Menace terroriste, cellules démantelées, djihadisme.", ["terroris*", "djihadis*", "jihadis*"],
    ["le terrorisme", "la menace terroriste", "les projets terroristes", "la mouvance djihadiste", "le financement des groupes terroristes"],
    ["la lutte contre le terrorisme", "la prévention des attentats terroristes", "la lutte contre la menace terroriste"]),
  topic("trafic-de-drogue", "Trafic de drogue", "Trafic de stupéfiants, saisies, réseaux de narcotrafiquants.", ["trafic de drogue", "stupéfiant*", "narcotrafi*", "cannabis", "cocaïne"],
    ["le trafic de drogue", "le trafic international de stupéfiants", "les réseaux de narcotrafiquants", "les filières de la cocaïne", "le trafic de résine de cannabis"],
    ["la lutte contre le trafic de drogue", "la répression du trafic de stupéfiants", "la lutte contre le narcotrafic"]),
  topic("migration", "Migration irrégulière", "Flux migratoires et réseaux de passeurs.", ["migrat*", "migrant*", "immigration irrégulière"],
    ["l'immigration irrégulière", "les réseaux de passeurs de migrants", "la pression migratoire"],
    ["la gestion des flux migratoires", "la lutte contre l'immigration irrégulière"]),
  topic("traite-des-etres-humains", "Traite des êtres humains", "Exploitation et traite des personnes.", ["traite des êtres humains", "exploitation sexuelle", "travail forcé"],
    ["la traite des êtres humains", "l'exploitation sexuelle", "le travail forcé"],
    ["la lutte contre la traite des êtres humains", "la protection des victimes de la traite des êtres humains"]),
  topic("cybercriminalite", "Cybercriminalité", "Piratage, escroqueries en ligne, cyberattaques.", ["cybercrim*", "cyberattaque*", "piratage"],
    ["la cybercriminalité", "les cyberattaques", "le piratage informatique"],
    ["la lutte contre la cybercriminalité", "la prévention des cyberattaques"]),
  topic("blanchiment", "Blanchiment d'argent", "Blanchiment de capitaux et flux financiers illicites.", ["blanchiment", "flux financiers illicites"],
    ["le blanchiment de capitaux", "les flux financiers illicites", "le blanchiment d'argent"],
    ["la lutte contre le blanchiment de capitaux", "le traçage des flux financiers illicites"]),
  topic("corruption", "Corruption", "Corruption et trafic d'influence.", ["corruption", "pots-de-vin", "trafic d'influence"],
    ["la corruption", "le trafic d'influence", "les pots-de-vin"],
    ["la lutte contre la corruption", "la prévention de la corruption"]),
  topic("espionnage", "Espionnage", "Espionnage et contre-espionnage.", ["espion*", "contre-espionnage"],
    ["l'espionnage", "les réseaux d'espions", "les activités d'espionnage"],
    ["le contre-espionnage", "la lutte contre l'espionnage"]),
  topic("radicalisation", "Radicalisation", "Radicalisation et extrémisme violent.", ["radicalis*", "déradicalisation", "extrémisme violent"],
    ["la radicalisation", "l'extrémisme violent", "la radicalisation en ligne"],
    ["les programmes de déradicalisation", "la prévention de la radicalisation"]),
  topic("contrebande", "Contrebande", "Contrebande et marchandises prohibées.", ["contreband*", "marchandises prohibées"],
    ["la contrebande", "la contrebande de cigarettes", "le trafic de marchandises prohibées", "les réseaux de contrebandiers"],
    ["la lutte contre la contrebande", "la saisie des marchandises prohibées"]),
  topic("trafic-d-armes", "Trafic d'armes", "Armes à feu et munitions.", ["trafic d'armes", "armes à feu", "munitions"],
    ["le trafic d'armes", "la circulation des armes à feu", "le trafic d'armes légères"],
    ["la lutte contre le trafic d'armes", "le contrôle des armes à feu"]),
  topic("criminalite-organisee", "Criminalité organisée", "Crime organisé transnational.", ["crime organisé", "criminalité organisée", "criminalité transnationale", "mafi*"],
    ["le crime organisé", "la criminalité organisée", "la criminalité transnationale", "les mafias"],
    ["la lutte contre la criminalité organisée", "le démantèlement des mafias"]),
  topic("securite-maritime", "Sécurité maritime", "Sécurité en mer, piraterie, garde-côtes.", ["sécurité maritime", "piraterie", "garde-côtes"],
    ["la piraterie", "les actes de piraterie"],
    ["la sécurité maritime", "la coordination des garde-côtes"]),
  topic("cooperation-securitaire", "Coopération sécuritaire", "Coopération entre services de sécurité de pays différents.", ["coopération sécuritaire", "coopération policière", "échange d'informations"],
    [],
    ["la coopération sécuritaire", "la coopération policière", "l'échange d'informations opérationnelles", "la coopération sécuritaire bilatérale"]),
  topic("diplomatie", "Diplomatie", "Relations diplomatiques et visites officielles.", ["diplomati*", "ambassade*"],
    [],
    ["les relations diplomatiques", "le dialogue diplomatique", "la diplomatie sécuritaire"]),
  topic("formation", "Formation", "Formation des cadres et renforcement des capacités.", ["formation*", "renforcement des capacités"],
    [],
    ["la formation des cadres", "le renforcement des capacités", "les sessions de formation"]),
  topic("frontieres", "Frontières", "Contrôle des frontières et postes-frontières.", ["contrôle aux frontières", "frontière*", "postes-frontières"],
    [],
    ["le contrôle aux frontières", "la surveillance des frontières", "la sécurité des frontières"]),
  topic("grands-evenements", "Grands événements", "Sécurité des grands événements sportifs et culturels.", ["grands événements", "Coupe du monde", "Coupe d'Afrique"],
    [],
    ["la sécurité des grands événements", "la préparation de la Coupe du monde", "la sécurisation de la Coupe d'Afrique des nations"]),
  topic("police-scientifique", "Police scientifique", "Expertise technique, empreintes et analyses.", ["police scientifique", "empreintes génétiques", "ADN"],
    [],
    ["la police scientifique", "l'exploitation des empreintes génétiques", "les analyses ADN"]),
  topic("justice-penale", "Justice pénale", "Procès, verdicts et condamnations.", ["procès", "verdict*", "condamn*", "réquisitoire*"], [], []),
  topic("decorations", "Décorations", "Distinctions et décorations officielles.", ["décoration*", "médaille*", "wissam"], [], []),
  topic("nominations", "Nominations", "Nominations à la tête des institutions.", ["nomination*", "nommé*"], [], []),
];

const CRIME_TOPICS = TOPICS.filter((topic) => topic.kind === "crime");
const FRAME_TOPICS = TOPICS.filter((topic) => topic.kind === "frame");

interface OutletSpec {
  id: string;
  name: string;
  aliases: readonly string[];
  domain: string;
  country: string;
  description: string;
  /** The shape of its article addresses. */
  path: "dated" | "section" | "id";
  section: string;
}

const OUTLETS: readonly OutletSpec[] = [
  { id: "le-matin-du-detroit", name: "Le Matin du Détroit", aliases: ["Matin du Détroit"], domain: "lematindudetroit.ma", country: "MA", description: "Quotidien généraliste du nord du Maroc.", path: "dated", section: "actualite" },
  { id: "l-echo-de-l-atlas", name: "L'Écho de l'Atlas", aliases: [], domain: "echoatlas.ma", country: "MA", description: "Hebdomadaire d'information marocain.", path: "section", section: "societe" },
  { id: "gazette-de-rabat", name: "La Gazette de Rabat", aliases: [], domain: "gazettederabat.ma", country: "MA", description: "Site d'information de la capitale marocaine.", path: "id", section: "securite" },
  { id: "maghreb-info-hebdo", name: "Maghreb Info Hebdo", aliases: ["MIH"], domain: "maghrebinfo-hebdo.com", country: "MA", description: "Magazine maghrébin d'actualité.", path: "dated", section: "maghreb" },
  { id: "le-courrier-mediterraneen", name: "Le Courrier méditerranéen", aliases: [], domain: "courrier-med.fr", country: "FR", description: "Quotidien régional français tourné vers la Méditerranée.", path: "section", section: "monde" },
  { id: "la-vigie-du-sud", name: "La Vigie du Sud", aliases: [], domain: "lavigiedusud.fr", country: "FR", description: "Quotidien régional du sud de la France.", path: "dated", section: "faits-divers" },
  { id: "surete-hebdo", name: "Sûreté Hebdo", aliases: [], domain: "surete-hebdo.fr", country: "FR", description: "Hebdomadaire spécialisé dans les questions de sécurité.", path: "id", section: "dossiers" },
  { id: "le-quotidien-des-deux-rives", name: "Le Quotidien des deux rives", aliases: [], domain: "deuxrives.info", country: "FR", description: "Quotidien franco-maghrébin en ligne.", path: "section", section: "international" },
  { id: "le-phare-de-ceuta", name: "Le Phare de Ceuta", aliases: [], domain: "lepharedeceuta.es", country: "ES", description: "Édition francophone d'un quotidien de Ceuta.", path: "dated", section: "actualidad" },
  { id: "l-observateur-de-l-oriental", name: "L'Observateur de l'Oriental", aliases: [], domain: "observateur-oriental.ma", country: "MA", description: "Site d'information de l'Oriental marocain.", path: "id", section: "region" },
  { id: "atlantique-presse", name: "Atlantique Presse", aliases: [], domain: "atlantique-presse.com", country: "MA", description: "Agence de presse privée.", path: "dated", section: "depeches" },
  { id: "le-journal-du-sahel", name: "Le Journal du Sahel", aliases: [], domain: "journaldusahel.com", country: "MA", description: "Site d'information sur l'Afrique de l'Ouest et le Maghreb.", path: "section", section: "securite" },
  { id: "la-tribune-de-tunis", name: "La Tribune de Tunis", aliases: [], domain: "tribunedetunis.tn", country: "TN", description: "Quotidien tunisien francophone.", path: "dated", section: "nation" },
  { id: "alger-soir", name: "Alger Soir", aliases: [], domain: "alger-soir.dz", country: "DZ", description: "Quotidien algérien du soir.", path: "id", section: "actualite" },
  { id: "le-regard-europeen", name: "Le Regard européen", aliases: [], domain: "regard-europeen.be", country: "BE", description: "Magazine belge d'actualité européenne.", path: "section", section: "europe" },
];

const QUOTES: readonly string[] = [
  "Nous restons pleinement mobilisés face à toutes les menaces",
  "La coopération entre nos services est exemplaire",
  "Aucune menace ne sera tolérée sur notre territoire",
  "Cette opération démontre l'efficacité de l'échange d'informations",
  "Nos équipes ont travaillé jour et nuit pendant plusieurs semaines",
  "Le partage du renseignement sauve des vies",
  "Nous devons anticiper les nouvelles formes de criminalité",
  "C'est un signal fort envoyé aux réseaux criminels",
  "Il faut investir davantage dans la formation de nos cadres",
  "La confiance entre nos deux pays n'a jamais été aussi forte",
  "Aucun pays ne peut faire face seul à ces défis",
  "Les résultats obtenus sont le fruit d'un travail de longue haleine",
  "Nous poursuivrons nos efforts sans relâche",
  "La sécurité des citoyens reste notre priorité absolue",
  "Cette distinction honore l'ensemble de nos équipes",
  "Le dialogue entre les institutions est indispensable",
  "Nous avons besoin d'outils juridiques adaptés",
  "Les frontières ne sont plus un obstacle pour les trafiquants",
  "La justice a été rendue dans le respect des droits de la défense",
  "Il s'agit d'un dossier d'une complexité inédite",
  "La menace évolue et nous devons évoluer avec elle",
  "Nos partenaires saluent notre engagement",
  "Le renseignement humain reste irremplaçable",
  "Chaque saisie affaiblit durablement ces réseaux",
  "Nous ne commentons pas les enquêtes en cours",
  "La prévention est aussi importante que la répression",
  "Ce protocole marque une nouvelle étape de notre partenariat",
  "Les jeunes sont les premières cibles de la propagande extrémiste",
  "Nous comptons sur la vigilance de chacun",
  "La transparence est la meilleure réponse aux rumeurs",
];

const SITE_YML = `# Settings of a generated benchmark corpus (scripts/bench/generate-corpus.ts).
title: Revue (bench)
description: Corpus de test généré pour mesurer l'extraction et la construction du site.
base_url: http://localhost:8080
path_prefix: /
lang: fr
per_page: 20
home_country: MA
search_shard_size: 300
`;

// ---------------------------------------------------------------------------------------
// The knowledge base

interface AgencySpec {
  id: string;
  name: string;
  gender: Gender;
  category: Category;
  country: string;
  acronym?: string;
  sharedAlias?: string;
  parent?: string;
  description: string;
  /** The head's title first, then staff titles. */
  titles: readonly TitleSpec[];
}

interface RoleSpec {
  title: TitleSpec;
  agency: AgencySpec;
  from: number;
  to?: number;
}

interface PersonSpec {
  id: string;
  name: string;
  given: string;
  /** What the press writes after "M." or "Mme". */
  surname: string;
  /** The surname as the matcher compares it, computed once. */
  surnameKey: string;
  gender: Gender;
  country: string;
  aliases: string[];
  roles: RoleSpec[];
}

interface KnowledgeBaseSpec {
  people: PersonSpec[];
  agencies: AgencySpec[];
}

/**
 * Every name an actor claims for itself alone, keyed as the matcher compares names
 * (case, accents and articles ignored), so that no two files ever claim the same one.
 */
class NameRegistry {
  private readonly keys = new Set<string>();
  private readonly ids = new Set<string>();

  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.keys.add(aliasKey(name));
  }

  isFree(name: string): boolean {
    const key = aliasKey(name);
    return key !== "" && !this.keys.has(key);
  }

  claim(name: string): void {
    this.keys.add(aliasKey(name));
  }

  /** An entity's canonical name: both its matching key and its file name must be new. */
  isFreeEntity(name: string): boolean {
    return this.isFree(name) && !this.ids.has(slugify(name));
  }

  claimEntity(name: string): string {
    const id = slugify(name);
    this.ids.add(id);
    this.claim(name);
    return id;
  }
}

function buildKnowledgeBase(actors: number, seed: number): KnowledgeBaseSpec {
  const rng = mulberry32(streamSeed(seed, 1));
  const peopleCount = Math.max(3, Math.round(actors * PEOPLE_SHARE));
  const agencyCount = actors - peopleCount;
  // Places and outlets are matched too: an actor never claims one of their names.
  const registry = new NameRegistry([...RESERVED_ACRONYMS, ...placeNames(), ...OUTLETS.flatMap((o) => [o.name, ...o.aliases])]);
  const agencies = buildAgencies(rng, agencyCount, registry);
  const people = buildPeople(rng, peopleCount, agencies, registry);
  return { people, agencies };
}

function placeNames(): string[] {
  return COUNTRIES.flatMap((country) => [country.name, ...country.aliases, ...country.cities]);
}

function buildAgencies(rng: Rng, count: number, registry: NameRegistry): AgencySpec[] {
  const agencies: AgencySpec[] = [];
  const add = (agency: AgencySpec | undefined) => {
    if (agency && agencies.length < count) agencies.push(agency);
  };
  // A tenth of a large base are fixed institutions: the ministries whose names the press shares between countries.
  const ministryBudget = Math.min(COUNTRIES.length * MINISTRIES.length, Math.floor(count / 10));
  for (const [i, country] of COUNTRIES.entries()) {
    for (const [j, ministry] of MINISTRIES.entries()) {
      if (i * MINISTRIES.length + j < ministryBudget) add(ministryAgency(country, ministry, registry));
    }
  }
  const nationalByDomain = new Map<string, string>();
  const foreignMinistry = new Map(agencies.filter((a) => a.sharedAlias === "ministère des Affaires étrangères").map((a) => [a.country, a.id]));
  let misses = 0;
  while (agencies.length < count) {
    const kind = weighted(rng, [["generic", 70], ["court", 12], ["embassy", 12], ["international", 6]] as const);
    const agency =
      kind === "generic"
        ? genericAgency(rng, registry, nationalByDomain)
        : kind === "court"
          ? courtAgency(rng, registry)
          : kind === "embassy"
            ? embassyAgency(rng, registry, foreignMinistry)
            : internationalAgency(rng, registry);
    if (agency) {
      add(agency);
      misses = 0;
    } else if (++misses > 200) {
      add(numberedAgency(rng, registry, agencies.length));
    }
  }
  return agencies;
}

function ministryAgency(country: Country, [portfolio, shared]: readonly [string, string], registry: NameRegistry): AgencySpec | undefined {
  const name = `Ministère ${country.dem.m} ${portfolio}`;
  if (!registry.isFreeEntity(name)) return undefined;
  return {
    id: registry.claimEntity(name),
    name,
    gender: "m",
    category: "ministere",
    country: country.code,
    sharedAlias: shared,
    description: `Ministère ${country.dem.m} chargé des affaires ${portfolio === "de l'Intérieur" ? "intérieures" : portfolio === "de la Justice" ? "de justice" : "étrangères"}.`,
    titles: [t(`ministre ${portfolio}`, `ministre ${portfolio}`, "none"), t("secrétaire général", "secrétaire générale"), ...STAFF_TITLES.ministere],
  };
}

function genericAgency(rng: Rng, registry: NameRegistry, nationalByDomain: Map<string, string>): AgencySpec | undefined {
  const head = pick(rng, HEADS);
  const [domain, category] = pick(rng, DOMAINS);
  const regional = chance(rng, 0.55);
  const city = regional ? pickCity(rng) : undefined;
  const country = city?.country ?? weighted(rng, COUNTRY_WEIGHTS);
  const adjective = regional ? (chance(rng, 0.8) ? pick(rng, REGIONAL_ADJECTIVES) : undefined) : pick(rng, NATIONAL_ADJECTIVES);
  const name = [head.word, adjective?.[head.gender], domain, city ? deCity(city.city) : undefined].filter(Boolean).join(" ");
  if (!registry.isFreeEntity(name)) return undefined;
  const code = country.code;
  const id = registry.claimEntity(name);
  const domainKey = `${code}|${head.word}|${domain}`;
  const parent = regional ? nationalByDomain.get(domainKey) : undefined;
  if (!regional && !nationalByDomain.has(domainKey)) nationalByDomain.set(domainKey, id);
  const chief = head.chiefTakesAdjective && adjective ? t(`${head.chief.m} ${adjective.m}`, `${head.chief.f} ${adjective.f}`) : head.chief;
  return {
    id,
    name,
    gender: head.gender,
    category,
    country: code,
    ...optionalAcronym(name, registry),
    ...(parent ? { parent } : {}),
    description: agencyDescription(category, country, city?.city),
    titles: [chief, ...STAFF_TITLES[category]],
  };
}

function courtAgency(rng: Rng, registry: NameRegistry): AgencySpec | undefined {
  const [word, gender, titles] = pick(rng, COURTS);
  const { city, country } = pickCity(rng);
  const name = `${word} ${deCity(city)}`;
  if (!registry.isFreeEntity(name)) return undefined;
  return { id: registry.claimEntity(name), name, gender, category: "justice", country: country.code, description: agencyDescription("justice", country, city), titles: [...titles, ...STAFF_TITLES.justice] };
}

function embassyAgency(rng: Rng, registry: NameRegistry, foreignMinistry: ReadonlyMap<string, string>): AgencySpec | undefined {
  const sender = weighted(rng, COUNTRY_WEIGHTS);
  const host = pick(rng, COUNTRIES.filter((country) => country !== sender));
  const consulate = chance(rng, 0.35);
  const city = consulate ? pick(rng, host.cities.filter((c) => c !== host.capital)) : host.capital;
  const where = `${sender.from} à ${city}`;
  const name = `${consulate ? "Consulat général" : "Ambassade"} ${where}`;
  if (!registry.isFreeEntity(name)) return undefined;
  const parent = foreignMinistry.get(sender.code);
  const head = consulate ? t(`consul général ${where}`, `consule générale ${where}`, "none") : t(`ambassadeur ${where}`, `ambassadrice ${where}`, "none");
  return {
    id: registry.claimEntity(name),
    name,
    gender: consulate ? "m" : "f",
    category: "diplomatie",
    country: sender.code,
    ...(parent ? { parent } : {}),
    description: `${consulate ? "Consulat" : "Ambassade"} ${sender.from} ${host.in}.`,
    titles: [head, ...STAFF_TITLES.diplomatie],
  };
}

function internationalAgency(rng: Rng, registry: NameRegistry): AgencySpec | undefined {
  const head = pick(rng, HEADS.filter((h) => h.word === "Centre" || h.word === "Agence" || h.word === "Bureau" || h.word === "Office"));
  const adjective = pick(rng, INTERNATIONAL_ADJECTIVES);
  const name = `${head.word} ${adjective[head.gender]} ${pick(rng, INTERNATIONAL_DOMAINS)}`;
  if (!registry.isFreeEntity(name)) return undefined;
  const seat = weighted(rng, COUNTRY_WEIGHTS);
  return {
    id: registry.claimEntity(name),
    name,
    gender: head.gender,
    category: "international",
    country: seat.code,
    ...optionalAcronym(name, registry),
    description: `Organisme international dont le siège est ${seat.in}.`,
    titles: [t("secrétaire général", "secrétaire générale"), ...STAFF_TITLES.international],
  };
}

/** The last resort once the combinations run out (very large bases): a numbered antenna. */
function numberedAgency(rng: Rng, registry: NameRegistry, n: number): AgencySpec {
  const { city, country } = pickCity(rng);
  let k = n;
  let name = `Antenne ${k} de la police judiciaire ${deCity(city)}`;
  while (!registry.isFreeEntity(name)) name = `Antenne ${++k} de la police judiciaire ${deCity(city)}`;
  return { id: registry.claimEntity(name), name, gender: "f", category: "police", country: country.code, description: agencyDescription("police", country, city), titles: [t("chef", "cheffe"), ...STAFF_TITLES.police] };
}

function pickCity(rng: Rng): { city: string; country: Country } {
  const country = weighted(rng, COUNTRY_WEIGHTS);
  return { city: pick(rng, country.cities), country };
}

function agencyDescription(category: Category, country: Country, city: string | undefined): string {
  const [noun, gender] = AGENCY_NOUNS[category];
  return `${noun} ${country.dem[gender]}${city ? `, compétent${gender === "f" ? "e" : ""} pour ${city}` : ""}.`;
}

/** The initials of the significant words, when they make a new acronym; none rather than a shared one. */
function optionalAcronym(name: string, registry: NameRegistry): { acronym?: string } {
  const initials = name
    .split(/[\s'’-]+/)
    .filter((word) => word && !ACRONYM_STOPWORDS.has(word.toLowerCase()) && !/^\d/.test(word))
    .map((word) => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").charAt(0).toUpperCase())
    .join("");
  if (initials.length < 3 || initials.length > 8 || !/^[A-Z]+$/.test(initials)) return {};
  if (RESERVED_ACRONYMS.has(initials) || !registry.isFree(initials)) return {};
  registry.claim(initials);
  return { acronym: initials };
}

function buildPeople(rng: Rng, count: number, agencies: readonly AgencySpec[], registry: NameRegistry): PersonSpec[] {
  const byCountry = groupBy(agencies, (agency) => agency.country);
  const people: PersonSpec[] = [];
  for (let i = 0; i < count; i++) {
    const origin = weighted(rng, ORIGINS.map((o) => [o, o.weight] as const));
    const gender: Gender = chance(rng, 0.72) ? "m" : "f";
    const country = weighted(rng, origin.countries);
    const { name, given, surname } = uniquePersonName(rng, origin, gender, registry);
    const id = registry.claimEntity(name);
    const home = byCountry.get(country) ?? agencies;
    people.push({ id, name, given, surname, surnameKey: aliasKey(surname), gender, country, aliases: [], roles: careerOf(rng, home, agencies) });
  }
  addPersonAliases(people, registry);
  return people;
}

/** First name + surname; a middle name, then a second surname, then a number when the combination is taken. */
function uniquePersonName(rng: Rng, origin: Origin, gender: Gender, registry: NameRegistry): { name: string; given: string; surname: string } {
  const names = gender === "m" ? origin.male : origin.female;
  const given = pick(rng, names);
  let surname = pick(rng, origin.surnames);
  const candidates = [`${given} ${surname}`];
  for (let k = 0; k < 6; k++) {
    const middle = pick(rng, names);
    if (middle !== given) candidates.push(`${given} ${middle} ${surname}`);
  }
  for (const name of candidates) if (registry.isFreeEntity(name)) return { name, given, surname };
  for (let k = 0; k < 6; k++) {
    const second = pick(rng, origin.surnames);
    if (second === surname) continue;
    const compound = `${surname}-${second.replace(/^(de la|del|El|Ait) /, "")}`;
    if (registry.isFreeEntity(`${given} ${compound}`)) return { name: `${given} ${compound}`, given, surname: compound };
  }
  // Unreachable in practice below tens of thousands of people; keeps ids unique beyond.
  surname = `${surname} ${pick(rng, origin.surnames)}`;
  for (let n = 2; ; n++) {
    const name = `${given} ${surname} ${romanNumeral(n)}`;
    if (registry.isFreeEntity(name)) return { name, given, surname };
  }
}

function romanNumeral(n: number): string {
  const table: readonly (readonly [number, string])[] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = n;
  let out = "";
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** One to three successive roles, mostly in the person's own country; the last one often current. */
function careerOf(rng: Rng, home: readonly AgencySpec[], all: readonly AgencySpec[]): RoleSpec[] {
  const roles: RoleSpec[] = [];
  let year = int(rng, 1992, 2018);
  const count = weighted(rng, [[1, 45], [2, 40], [3, 15]] as const);
  for (let k = 0; k < count && year <= 2024; k++) {
    const agency = chance(rng, 0.88) ? pick(rng, home) : pick(rng, all);
    // Heads are fewer than staff, and more often in the news.
    const title = chance(rng, 0.35) ? (agency.titles[0] as TitleSpec) : pick(rng, agency.titles);
    const length = int(rng, 2, 8);
    const last = k === count - 1;
    const to = last && chance(rng, 0.6) ? undefined : Math.min(year + length, LAST_YEAR);
    roles.push({ title, agency, from: year, ...(to !== undefined ? { to } : {}) });
    if (to === undefined) break;
    year = to;
  }
  return roles;
}

/**
 * Initials that are not initials to the matcher: "M. Benali" is Monsieur Benali, and the
 * tokenizer reads "L." and "D." as the articles l' and d', so "L. Benali" would match any "Benali".
 */
const AMBIGUOUS_INITIALS = new Set(["M", "L", "D"]);

/**
 * "A. Benali" when no one else claims it; "Benali" alone only when no one else in the base
 * bears the surname (and it is no given name), since a lone surname matches on its own.
 */
function addPersonAliases(people: PersonSpec[], registry: NameRegistry): void {
  const surnameCount = new Map<string, number>();
  for (const person of people) surnameCount.set(person.surnameKey, (surnameCount.get(person.surnameKey) ?? 0) + 1);
  const givenKeys = new Set(ORIGINS.flatMap((o) => [...o.male, ...o.female]).map(aliasKey));
  for (const person of people) {
    const letter = person.given.charAt(0);
    const initial = `${letter}. ${person.surname}`;
    if (!AMBIGUOUS_INITIALS.has(letter) && registry.isFree(initial)) {
      registry.claim(initial);
      person.aliases.push(initial);
    }
    const key = person.surnameKey;
    if (surnameCount.get(key) === 1 && !givenKeys.has(key) && !/\s[IVXLCDM]+$/.test(person.name) && registry.isFree(person.surname)) {
      registry.claim(person.surname);
      person.aliases.push(person.surname);
    }
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------
// Writing the knowledge base

const yaml = (data: unknown): string => stringify(data, { lineWidth: 0 });

function writeKnowledgeBase(out: Writer, kb: KnowledgeBaseSpec): void {
  for (const agency of kb.agencies) out.text(`actors/agencies/${agency.id}.yml`, yaml(agencyData(agency)));
  for (const person of kb.people) out.text(`actors/people/${person.id}.yml`, yaml(personData(person)));
  for (const topic of TOPICS) out.text(`topics/${topic.id}.yml`, yaml({ name: topic.name, description: topic.description, keywords: topic.keywords }));
  for (const country of COUNTRIES) out.text(`places/${country.file}.yml`, yaml(placesData(country)));
  for (const outlet of OUTLETS) out.text(`outlets/${outlet.id}.yml`, yaml(outletData(outlet)));
}

function agencyData(agency: AgencySpec): Record<string, unknown> {
  return {
    name: agency.name,
    ...(agency.acronym ? { acronym: agency.acronym } : {}),
    ...(agency.sharedAlias ? { shared_aliases: [agency.sharedAlias] } : {}),
    category: agency.category,
    country: agency.country,
    ...(agency.parent ? { parent: agency.parent } : {}),
    description: agency.description,
  };
}

function personData(person: PersonSpec): Record<string, unknown> {
  return {
    name: person.name,
    ...(person.aliases.length ? { aliases: person.aliases } : {}),
    description: personDescription(person),
    country: person.country,
    roles: person.roles.map((role) => ({
      title: capitalize(role.title[person.gender]),
      agency: role.agency.id,
      from: String(role.from),
      ...(role.to !== undefined ? { to: String(role.to) } : {}),
    })),
  };
}

function personDescription(person: PersonSpec): string {
  const latest = person.roles.at(-1);
  const category = latest?.agency.category ?? "autre";
  const noun = PERSON_NOUNS[category][person.gender === "m" ? 0 : 1];
  const dem = countryOf(person.country).dem[person.gender];
  if (!latest) return `${noun} ${dem}.`;
  const role = roleText(latest, person.gender, latest.to !== undefined, (agency) => agency.name);
  return `${noun} ${dem}, ${role}.`;
}

function placesData(country: Country): Record<string, unknown>[] {
  const dem = [...new Set([country.dem.m, country.dem.f, country.dem.mp, country.dem.fp])];
  return [
    { name: country.name, ...(country.aliases.length ? { aliases: country.aliases } : {}), category: "pays", country: country.code, demonyms: dem },
    ...country.cities.map((city) => ({ name: city, category: "ville", country: country.code })),
  ];
}

function outletData(outlet: OutletSpec): Record<string, unknown> {
  return {
    name: outlet.name,
    ...(outlet.aliases.length ? { aliases: outlet.aliases } : {}),
    description: outlet.description,
    country: outlet.country,
    domains: [outlet.domain],
    url: `https://www.${outlet.domain}/`,
  };
}

/**
 * "directeur de la DRST", "ancienne procureure générale près la Cour d'appel de Fès",
 * "ambassadeur du Maroc à Madrid". `nameOf` says how the agency is written here (in full,
 * or its acronym once defined); the article before it agrees with that form.
 */
function roleText(role: RoleSpec, gender: Gender, former: boolean, nameOf: (agency: AgencySpec) => string): string {
  const title = `${former ? (gender === "m" ? "ancien " : "ancienne ") : ""}${role.title[gender]}`;
  if (role.title.link === "none") return title;
  const name = nameOf(role.agency);
  return role.title.link === "près" ? `${title} près ${withArticle(name, role.agency.gender)}` : `${title} ${deName(name, role.agency.gender)}`;
}

// ---------------------------------------------------------------------------------------
// Articles

interface KnowledgeIndex {
  kb: KnowledgeBaseSpec;
  peopleByAgency: Map<string, PersonSpec[]>;
  peopleByCountry: Map<string, PersonSpec[]>;
  agenciesByCountry: Map<string, AgencySpec[]>;
}

function indexKnowledgeBase(kb: KnowledgeBaseSpec): KnowledgeIndex {
  const peopleByAgency = new Map<string, PersonSpec[]>();
  for (const person of kb.people) {
    for (const id of new Set(person.roles.map((role) => role.agency.id))) {
      const list = peopleByAgency.get(id);
      if (list) list.push(person);
      else peopleByAgency.set(id, [person]);
    }
  }
  return { kb, peopleByAgency, peopleByCountry: groupBy(kb.people, (p) => p.country), agenciesByCountry: groupBy(kb.agencies, (a) => a.country) };
}

type Story = "visit" | "arrest" | "decoration" | "nomination" | "trial" | "agreement";

const STORIES: readonly (readonly [Story, number])[] = [
  ["visit", 22],
  ["arrest", 26],
  ["decoration", 10],
  ["nomination", 14],
  ["trial", 14],
  ["agreement", 14],
];

interface Cast {
  story: Story;
  country: Country;
  people: PersonSpec[];
  agencies: AgencySpec[];
  places: PlaceRef[];
  /** What the article is about: one or two crime topics. */
  crimes: TopicSpec[];
  /** Crime topics and zero to two frame topics: the responses the article talks about. */
  topics: TopicSpec[];
}

interface PlaceRef {
  /** "Tanger", "le Maroc". */
  le: string;
  /** "à Tanger", "au Maroc". */
  a: string;
  /** "de Tanger", "du Maroc". */
  de: string;
}

const cityRef = (city: string): PlaceRef => ({ le: city, a: `à ${city}`, de: deCity(city) });
const countryRef = (country: Country): PlaceRef => ({ le: country.the, a: country.in, de: country.of });

/** Who and what an article is about: 3–8 actors that belong together, 1–3 places, 1–4 topics. */
function castFor(rng: Rng, index: KnowledgeIndex): Cast {
  const story = weighted(rng, STORIES);
  const country = weighted(rng, COUNTRY_WEIGHTS);
  const total = int(rng, 3, 8);
  const peopleWanted = Math.min(total - 1, Math.max(2, Math.round(total * 0.6)));
  const agenciesWanted = total - peopleWanted;
  const local = index.agenciesByCountry.get(country.code) ?? index.kb.agencies;

  const agencies: AgencySpec[] = [];
  const addAgency = (agency: AgencySpec) => {
    if (agencies.length < agenciesWanted && !agencies.includes(agency)) agencies.push(agency);
  };
  addAgency(pick(rng, local));
  for (let tries = 0; agencies.length < agenciesWanted && tries < 20; tries++) addAgency(pick(rng, chance(rng, 0.7) ? local : index.kb.agencies));

  const people: PersonSpec[] = [];
  const surnames = new Set<string>();
  const addPerson = (person: PersonSpec) => {
    // Two people of one article never share a surname: "M. Benali" must name one of them.
    const key = person.surnameKey;
    if (people.length < peopleWanted && !people.includes(person) && !surnames.has(key)) {
      people.push(person);
      surnames.add(key);
    }
  };
  // People who work (or worked) for the article's agencies first: their titles name those agencies.
  for (let round = 0; round < 2; round++) {
    for (const agency of agencies) {
      const staff = index.peopleByAgency.get(agency.id);
      if (staff && (round === 0 || chance(rng, 0.5))) addPerson(pick(rng, staff));
    }
  }
  const compatriots = index.peopleByCountry.get(country.code) ?? index.kb.people;
  for (let tries = 0; people.length < peopleWanted && tries < 50; tries++) addPerson(pick(rng, chance(rng, 0.6) ? compatriots : index.kb.people));

  const places: PlaceRef[] = [cityRef(pick(rng, country.cities))];
  if (chance(rng, 0.6)) places.push(countryRef(country));
  if (chance(rng, 0.35)) {
    const first = places[0]?.le;
    places.push(chance(rng, 0.5) ? countryRef(pick(rng, COUNTRIES.filter((c) => c !== country))) : cityRef(pick(rng, country.cities.filter((c) => c !== first))));
  }

  const crimes = shuffled(rng, CRIME_TOPICS).slice(0, chance(rng, 0.7) ? 1 : 2);
  const frames = shuffled(rng, FRAME_TOPICS).slice(0, int(rng, 0, 2));
  return { story, country, people, agencies, places, crimes, topics: [...crimes, ...frames] };
}

interface ArticleFile {
  path: string;
  text: string;
}

function writeArticle(i: number, settings: Settings, index: KnowledgeIndex, slugs: Set<string>): ArticleFile {
  const rng = mulberry32(streamSeed(settings.seed, 1000 + i));
  const date = articleDate(rng);
  const cast = castFor(rng, index);
  const outlet = pick(rng, OUTLETS);
  const { title, slug } = titleAndSlug(rng, cast, date, slugs);
  const body = articleBody(rng, cast, date, settings.bytesPerArticle);
  const url = articleUrl(outlet, date, slug, i, slugs);
  const frontMatter = `---\ntitle: ${JSON.stringify(title)}\ndate: ${date.iso}\noutlet: ${outlet.id}\nurl: ${url}\n---\n\n`;
  return { path: `articles/${date.year}/${date.iso}-${slug}.md`, text: `${frontMatter}${body}\n` };
}

interface ArticleDate {
  iso: string;
  year: number;
  month: number;
  day: number;
  weekday: number;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / DAY_MS;
const DAY_COUNT = Date.UTC(LAST_YEAR + 1, 0, 1) / DAY_MS - FIRST_DAY;

/** A day of 2005–2025, from arithmetic on UTC days (no clock, no time zone). */
function articleDate(rng: Rng): ArticleDate {
  const date = new Date((FIRST_DAY + Math.floor(rng() * DAY_COUNT)) * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { iso, year, month, day, weekday: date.getUTCDay() };
}

/** The article's address on its outlet's site; `taken` holds what is already used, as the site's own system would keep addresses apart. */
function articleUrl(outlet: OutletSpec, date: ArticleDate, slug: string, i: number, taken: Set<string>): string {
  const base = `https://www.${outlet.domain}`;
  const [y, m, d] = date.iso.split("-");
  if (outlet.path === "dated") return `${base}/${outlet.section}/${y}/${m}/${d}/${slug}`;
  if (outlet.path === "section") {
    let name = slug;
    for (let n = 2; taken.has(`${outlet.domain}/${outlet.section}/${name}`); n++) name = `${slug}-${n}`;
    taken.add(`${outlet.domain}/${outlet.section}/${name}`);
    return `${base}/${outlet.section}/${name}.html`;
  }
  return `${base}/${outlet.section}/${slug}_${100000 + i}.html`;
}

// Titles ------------------------------------------------------------------------------

interface TitleContext {
  rng: Rng;
  cast: Cast;
  date: ArticleDate;
  p1: PersonSpec;
  p2: PersonSpec;
  a1: AgencySpec;
  a2: AgencySpec | undefined;
  place: PlaceRef;
  crime: TopicSpec;
  response: string;
}

type TitleTemplate = (c: TitleContext) => string;

const short = (agency: AgencySpec): string => agency.acronym ?? agency.name;
const g = (person: PersonSpec, m: string, f: string): string => (person.gender === "m" ? m : f);
const otherCountry = (c: TitleContext): Country => pick(c.rng, COUNTRIES.filter((country) => country !== c.cast.country));

const TITLES: Readonly<Record<Story | "any", readonly TitleTemplate[]>> = {
  visit: [
    (c) => `${c.p1.name} reçoit l'ambassadeur ${otherCountry(c).from}`,
    (c) => `${c.p1.name} en visite de travail ${c.place.a}`,
    (c) => `${capitalize(c.place.le)} : ${c.p1.name} ${g(c.p1, "attendu", "attendue")} ce ${WEEKDAYS[c.date.weekday]}`,
    (c) => `${capitalize(c.place.le)} accueille une réunion sur ${c.response}`,
    (c) => `${c.p1.name} et ${c.p2.name} font le point sur ${c.response}`,
  ],
  arrest: [
    (c) => `${capitalize(c.place.le)} : ${int(c.rng, 3, 40)} suspects interpellés par ${withArticle(short(c.a1), c.a1.gender)}`,
    (c) => `Démantèlement d'une cellule de ${int(c.rng, 3, 12)} membres ${c.place.a}`,
    (c) => `Coup de filet ${c.place.a} : ${int(c.rng, 3, 25)} arrestations`,
    (c) => `${c.crime.name} ${c.place.a} : ${int(c.rng, 5, 60)} interpellations en ${MONTHS[c.date.month - 1]}`,
    (c) => `${short(c.a1)} : un réseau démantelé ${c.place.a}`,
  ],
  decoration: [
    (c) => `${c.p1.name} ${g(c.p1, "décoré", "décorée")} du wissam de l'ordre du Mérite`,
    (c) => `${short(c.a1)} : ${c.p1.name} et ses équipes à l'honneur`,
    (c) => `Les cadres ${deName(short(c.a1), c.a1.gender)} ${g(c.p1, "décorés", "décorés")} ${c.place.a}`,
  ],
  nomination: [
    (c) => `${short(c.a1)} : ${c.p1.name} ${g(c.p1, "nommé", "nommée")} à un poste clé`,
    (c) => `${c.p1.name} quitte la tête ${deName(short(c.a1), c.a1.gender)}`,
    (c) => `Un nouveau patron pour ${withArticle(short(c.a1), c.a1.gender)}`,
    (c) => `${short(c.a1)} : ${c.p1.surname} passe le relais à ${c.p2.name}`,
  ],
  trial: [
    (c) => `Procès ${c.place.de} : ${int(c.rng, 4, 30)} ans de prison requis contre ${int(c.rng, 2, 15)} accusés`,
    (c) => `${c.crime.name} : verdict attendu dans le procès ${c.place.de}`,
    (c) => `Procès ${c.place.de} : ${c.p1.name} ${g(c.p1, "appelé", "appelée")} à témoigner`,
  ],
  agreement: [
    (c) => `${short(c.a1)} et ${c.a2 ? short(c.a2) : "ses partenaires"} signent un accord de coopération`,
    (c) => `${c.crime.name} : ${c.cast.country.the} et ${otherCountry(c).the} renforcent leur coopération`,
    (c) => `${c.p1.name} et ${c.p2.name} scellent un partenariat ${c.place.a}`,
  ],
  any: [
    (c) => `${c.crime.name} : ${c.p1.name} appelle à la vigilance`,
    (c) => `${short(c.a1)} : le bilan ${c.date.year} présenté par ${c.p1.name}`,
    (c) => `Ce qu'a dit ${c.p1.name} ${c.place.a}`,
    (c) => `${c.crime.name} : les confidences de ${c.p1.name}`,
    (c) => `${c.p1.name} au cœur ${dePhrase(c.response)}`,
  ],
};

/**
 * A title as drawn: titles repeat, as they do in real archives (a weekly « Conseil de
 * gouvernement », two communiqués headed alike), and the archive publishes each at an address
 * of its own. The file's name is kept unique by a counter on the same day, as `npm run import`
 * names files.
 */
function titleAndSlug(rng: Rng, cast: Cast, date: ArticleDate, names: Set<string>): { title: string; slug: string } {
  const title = drawTitle(rng, cast, date);
  const base = slugify(title);
  let slug = base;
  for (let n = 2; names.has(`${date.iso}-${slug}`); n++) slug = `${base}-${n}`;
  names.add(`${date.iso}-${slug}`);
  return { title, slug };
}

function drawTitle(rng: Rng, cast: Cast, date: ArticleDate): string {
  const [p1, a1, crime] = [cast.people[0], cast.agencies[0], cast.crimes[0]];
  if (!p1 || !a1 || !crime) throw new Error("an article needs a person, an agency and a topic");
  const context: TitleContext = {
    rng,
    cast,
    date,
    p1,
    p2: cast.people[1] ?? p1,
    a1,
    a2: cast.agencies[1],
    place: pick(rng, cast.places),
    crime,
    response: pick(rng, pick(rng, cast.topics).responses),
  };
  return pick(rng, chance(rng, 0.75) ? TITLES[cast.story] : TITLES.any)(context);
}

// Body --------------------------------------------------------------------------------

interface PersonMention {
  /** Inside a sentence, before a verb: the apposition ends with a comma. */
  mid(): string;
  /** Before the final period. */
  end(): string;
  /** After a word that takes "de": "en présence du directeur…", "aux côtés d'Ahmed Benali". */
  de(): string;
  g(m: string, f: string): string;
}

interface AgencyMention {
  le(): string;
  de(): string;
  a(): string;
}

/** What templates write with: each call names the next actor, place or topic of the article. */
interface Ctx {
  p(): PersonMention;
  ag(): AgencyMention;
  /** Another agency than `first`, or "ses partenaires étrangers" when the article has only one. */
  ag2(first: AgencyMention): AgencyMention;
  pl(): PlaceRef;
  pl2(first: PlaceRef): PlaceRef;
  /** A problem of the article's crime topics: "le trafic de drogue", "la menace terroriste". */
  t(): string;
  /** A response: "la lutte contre le terrorisme", "la coopération policière". */
  r(): string;
  /** The same as subjects, with their verb agreeing: "la menace terroriste reste", "les cyberattaques restent". */
  tv(singular: string, plural: string): string;
  rv(singular: string, plural: string): string;
  when(): string;
  q(): string;
  n(min: number, max: number): number;
  year: number;
  dem: Demonym;
}

type Template = (c: Ctx) => string;

/** The opening sentence of each kind of story: it names a person or an agency and sets the scene. */
const LEADS: Readonly<Record<Story, readonly Template[]>> = {
  visit: [
    (c) => `${c.p().mid()} a reçu ${c.when()} une délégation ${c.ag().de()} ${c.pl().a}, pour des entretiens consacrés ${aPhrase(c.r())}.`,
    (c) => {
      const p = c.p();
      return `${p.mid()} s'est ${p.g("rendu", "rendue")} ${c.when()} ${c.pl().a} pour une visite de travail consacrée ${aPhrase(c.r())}.`;
    },
  ],
  arrest: [
    (c) => `Les éléments ${c.ag().de()} ont interpellé ${c.when()} ${c.n(3, 14)} individus soupçonnés d'être impliqués dans ${c.t()} ${c.pl().a}.`,
    (c) => `Une cellule de ${c.n(3, 12)} membres liée ${aPhrase(c.t())} a été démantelée ${c.when()} ${c.pl().a}, a annoncé ${c.ag().le()} dans un communiqué.`,
  ],
  decoration: [
    (c) => {
      const p = c.p();
      return `${p.mid()} a été ${p.g("décoré", "décorée")} ${c.when()} du wissam de l'ordre du Mérite, en reconnaissance de son engagement dans ${c.r()}.`;
    },
  ],
  nomination: [
    (c) => {
      const p = c.p();
      return `${p.mid()} a été ${p.g("nommé", "nommée")} à la tête ${c.ag().de()}, a-t-on appris ${c.when()} de source officielle.`;
    },
  ],
  trial: [
    // "le tribunal de Nador", never a court's full name: that would name an agency outside the cast.
    (c) => `Le tribunal ${c.pl().de} a condamné ${c.when()} ${c.n(2, 12)} prévenus poursuivis pour des faits liés ${aPhrase(c.t())}.`,
  ],
  agreement: [
    (c) => {
      const first = c.ag();
      return `${first.le()} et ${c.ag2(first).le()} ont signé ${c.when()} ${c.pl().a} un accord de coopération portant sur ${c.r()}.`;
    },
  ],
};

/** The sentences of each kind of story (at least eight each). */
const STORY_SENTENCES: Readonly<Record<Story, readonly Template[]>> = {
  visit: [
    (c) => `Au cours de cette rencontre, les deux parties ont passé en revue ${c.r()} et les moyens de renforcer ${c.r()}.`,
    (c) => `Cette visite ${c.pl().de} s'inscrit dans le cadre ${dePhrase(c.r())}, selon un communiqué ${c.ag().de()}.`,
    (c) => {
      const p = c.p();
      return `${p.mid()} a été ${p.g("accueilli", "accueillie")} au siège ${c.ag().de()} par de hauts responsables.`;
    },
    (c) => `Les entretiens ont porté sur ${c.r()}, ainsi que sur l'échange d'expertise entre ${c.ag().le()} et ses partenaires.`,
    (c) => `En marge de cette visite, ${c.p().mid()} a visité plusieurs unités opérationnelles ${c.ag().de()}.`,
    (c) => `La réunion, tenue ${c.pl().a}, a rassemblé des représentants ${c.ag().de()} et de plusieurs services partenaires.`,
    (c) => {
      const [one, two] = [c.p(), c.p()];
      return `${one.mid()} et ${two.mid()} se sont ${one.g("entretenus", two.g("entretenus", "entretenues"))} en tête-à-tête pendant près de ${c.n(2, 4)} heures.`;
    },
    (c) => `La délégation a également visité le centre de commandement ${c.ag().de()}, inauguré en ${c.year - c.n(1, 8)}.`,
    (c) => `Cette visite intervient quelques semaines après celle ${c.p().de()} ${c.pl().a}.`,
  ],
  arrest: [
    (c) => `L'opération, menée en coordination avec ${c.ag().le()}, a permis la saisie de ${c.n(4, 40)} téléphones portables, d'armes blanches et de documents.`,
    (c) => `Selon ${c.ag().le()}, les suspects, âgés de ${c.n(19, 29)} à ${c.n(31, 58)} ans, s'apprêtaient à passer à l'action.`,
    () => `Les personnes interpellées ont été placées en garde à vue sous la supervision du parquet compétent.`,
    (c) => `Les investigations ont montré que le réseau était impliqué dans ${c.t()} depuis au moins ${c.n(2, 9)} ans.`,
    (c) => `${c.ag().le()} a précisé que l'un des suspects faisait déjà l'objet d'un mandat d'arrêt international.`,
    (c) => `Les perquisitions effectuées ${c.pl().a} ont permis de saisir ${c.n(3, 80)} kilogrammes de produits chimiques et du matériel électronique.`,
    (c) => `D'après des sources proches du dossier, ${c.ag().le()} suivait les membres de ce groupe depuis plusieurs mois.`,
    (c) => `Une enquête a été ouverte sous la supervision du parquet ${c.pl().de} afin d'identifier d'éventuels complices.`,
    (c) => `${c.p().mid()} a salué « une opération exemplaire » menée par les enquêteurs ${c.ag().de()}.`,
    (c) => `Le chef présumé du groupe, de nationalité ${c.dem.f}, a été arrêté ${c.pl().a} alors qu'il tentait de quitter le territoire.`,
  ],
  decoration: [
    (c) => `La cérémonie s'est déroulée ${c.when()} au siège ${c.ag().de()}, en présence ${c.p().de()}.`,
    (c) => `Cette distinction récompense ${c.n(12, 35)} années de service au sein ${c.ag().de()}.`,
    (c) => `${c.p().mid()} a salué « le professionnalisme des femmes et des hommes » ${c.ag().de()}.`,
    (c) => `Plusieurs cadres ${c.ag().de()} ont également été distingués à cette occasion, aux côtés ${c.p().de()}.`,
    (c) => `${c.p().mid()} a dédié cette décoration aux agents ${c.ag().de()} tombés en service.`,
    (c) => `La médaille a été remise par ${c.p().end()}, au terme d'une cérémonie sobre.`,
    (c) => `Les décorations ont été remises ${c.pl().a} en présence de nombreux invités étrangers.`,
    (c) => `Dans son allocution, ${c.p().mid()} a rappelé les succès obtenus dans ${c.r()}.`,
  ],
  nomination: [
    (c) => {
      const p = c.p();
      return `${p.mid()} a été ${p.g("nommé", "nommée")} à la tête ${c.ag().de()}, en remplacement ${c.p().de()}.`;
    },
    (c) => `Cette nomination intervient dans un contexte marqué par ${c.t()}.`,
    (c) => `Avant cette promotion, ${c.p().mid()} avait dirigé plusieurs services ${c.ag().de()}.`,
    (c) => `Le nouveau responsable devra notamment piloter ${c.r()} ${c.pl().a}.`,
    (c) => {
      const p = c.p();
      return `${p.g("Diplômé", "Diplômée")} en droit, ${p.mid()} a fait toute sa carrière au sein ${c.ag().de()}.`;
    },
    (c) => `${c.p().mid()} quitte ses fonctions après ${c.n(3, 12)} années passées au sein ${c.ag().de()}.`,
    (c) => `La passation de pouvoirs s'est déroulée ${c.when()} au siège ${c.ag().de()}.`,
    (c) => `D'autres nominations ont été annoncées au sein ${c.ag().de()}, notamment ${c.pl().a}.`,
  ],
  trial: [
    (c) => `Le tribunal ${c.pl().de} a prononcé des peines allant de ${c.n(1, 5)} à ${c.n(6, 30)} ans de prison ferme.`,
    (c) => `Le procès, ouvert en présence ${c.p().de()}, a été marqué par de longues plaidoiries de la défense.`,
    (c) => `Le parquet avait requis ${c.n(5, 30)} ans de prison contre le principal accusé, poursuivi pour des faits liés ${aPhrase(c.t())}.`,
    () => `La défense a annoncé son intention de faire appel du verdict devant la cour d'appel.`,
    (c) => `Selon l'acte d'accusation, les accusés entretenaient des contacts réguliers avec des complices ${c.pl().a}.`,
    (c) => `${c.p().mid()} a témoigné à la barre sur le rôle ${c.ag().de()} dans l'enquête.`,
    (c) => `Les accusés ont nié toute implication dans ${c.t()}, évoquant des aveux obtenus sous la contrainte.`,
    (c) => `Le verdict a été accueilli avec satisfaction par ${c.ag().le()}, à l'origine de l'enquête.`,
    () => `Deux accusés ont été acquittés faute de preuves suffisantes.`,
  ],
  agreement: [
    (c) => {
      const first = c.ag();
      return `${first.le()} et ${c.ag2(first).le()} ont signé ${c.when()} un protocole d'accord portant sur ${c.r()}.`;
    },
    (c) => `L'accord prévoit la création d'une cellule commune chargée ${dePhrase(c.r())}.`,
    () => `Les deux institutions se sont engagées à intensifier l'échange d'expertise et la formation de leurs cadres.`,
    (c) => {
      const first = c.pl();
      return `Ce partenariat s'inscrit dans la continuité des liens entre ${first.le} et ${c.pl2(first).le}.`;
    },
    (c) => `${c.p().mid()} a présenté ${c.r()} comme une priorité commune.`,
    (c) => `Un programme de formation au profit des cadres ${c.ag().de()} sera lancé ${c.pl().a} dès l'an prochain.`,
    (c) => {
      const first = c.ag();
      return `Des officiers de liaison ${first.de()} seront détachés auprès ${c.ag2(first).de()}.`;
    },
    (c) => `Le texte a été paraphé par ${c.p().mid()} et ${c.p().end()}.`,
    (c) => {
      const first = c.pl();
      return `Un comité de suivi se réunira deux fois par an, alternativement ${first.a} et ${c.pl2(first).a}.`;
    },
  ],
};

/** Sentences any story uses: statements with quotes, and background. */
const SHARED_SENTENCES: readonly Template[] = [
  (c) => `« ${c.q()} », a déclaré ${c.p().end()}.`,
  (c) => `« ${c.q()} », a souligné ${c.p().mid()} lors d'un point de presse ${c.pl().a}.`,
  (c) => `${c.p().mid()} a affirmé : « ${c.q()} ».`,
  (c) => {
    const p = c.p();
    return `${p.g("Interrogé", "Interrogée")} par la presse, ${p.mid()} a estimé que ${c.rv("restait", "restaient")} « une priorité absolue ».`;
  },
  (c) => `Dans une déclaration à la presse, ${c.p().mid()} a rappelé : « ${c.q()} ».`,
  (c) => `${c.p().mid()} a insisté sur la nécessité de renforcer ${c.r()}.`,
  (c) => `Pour ${c.p().end()}, « ${c.q()} ».`,
  (c) => `Le communiqué ${c.ag().de()} rappelle que ${c.rv("mobilise", "mobilisent")} des moyens considérables.`,
  (c) => `De son côté, ${c.p().mid()} a salué les résultats obtenus dans ${c.r()}.`,
  (c) => `« ${c.q()}. ${c.q()} », a ajouté ${c.p().end()}.`,
  (c) => `Ces dernières années, les autorités ${c.pl().de} ont renforcé leur dispositif face ${aPhrase(c.t())}.`,
  (c) => `Les autorités ${c.dem.fp} ont multiplié les opérations de ce type au cours des derniers mois.`,
  (c) => `Cette affaire relance le débat sur ${c.t()} ${c.pl().a}.`,
  (c) => `${c.p().mid()} avait déjà participé en ${c.year - c.n(1, 4)} à une réunion consacrée ${aPhrase(c.r())}.`,
  (c) => `Plusieurs observateurs saluent l'efficacité ${c.ag().de()} dans ${c.r()}.`,
  (c) => `Les services ${c.dem.mp} et leurs homologues étrangers travaillent ensemble sur ces dossiers depuis ${c.year - c.n(3, 15)}.`,
  (c) => `Le bilan présenté ${c.pl().a} fait état de ${c.n(12, 400)} dossiers transmis à la justice.`,
  (c) => `Selon un rapport ${c.ag().de()}, ${c.tv("a pris", "ont pris")} une ampleur inédite depuis ${c.year - c.n(1, 6)}.`,
  (c) => `Selon les chiffres communiqués par ${c.ag().le()}, plus de ${c.n(40, 900)} personnes ont été interpellées depuis le début de l'année.`,
];

/** The number of distinct sentence shapes, for the tests. */
export const TEMPLATE_COUNT = Object.values(LEADS).flat().length + Object.values(STORY_SENTENCES).flat().length + SHARED_SENTENCES.length;

/** Every actor, place and topic comes up once early, then at random (never twice in a row). */
class Rotation<T> {
  private next = 0;
  private last: T | undefined;
  constructor(
    private readonly rng: Rng,
    private readonly items: readonly T[],
  ) {}

  take(): T {
    let item: T;
    if (this.next < this.items.length) item = this.items[this.next++] as T;
    else {
      item = pick(this.rng, this.items);
      if (item === this.last && this.items.length > 1) item = pick(this.rng, this.items.filter((other) => other !== this.last));
    }
    this.last = item;
    return item;
  }
}

const PARTNERS: AgencyMention = { le: () => "ses partenaires étrangers", de: () => "de ses partenaires étrangers", a: () => "à ses partenaires étrangers" };
const NEIGHBOURS: PlaceRef = { le: "les pays voisins", a: "dans les pays voisins", de: "des pays voisins" };

/**
 * The mention state of one article: who has been named in full, which acronyms are defined.
 * Classes rather than closures: an article makes hundreds of mentions, and the per-call
 * objects stay cheap.
 */
class ArticleWriter implements Ctx {
  readonly year: number;
  readonly dem: Demonym;
  private readonly introducedAgencies = new Set<AgencySpec>();
  private readonly introducedPeople = new Set<PersonSpec>();
  private readonly people: Rotation<PersonSpec>;
  private readonly agencies: Rotation<AgencySpec>;
  private readonly places: Rotation<PlaceRef>;
  private readonly crimes: Rotation<TopicSpec>;
  private readonly topics: Rotation<TopicSpec>;
  private readonly personMentions = new Map<PersonSpec, PersonMention>();
  private readonly agencyMentions = new Map<AgencySpec, AgencyMention>();

  constructor(
    private readonly rng: Rng,
    private readonly cast: Cast,
    private readonly date: ArticleDate,
  ) {
    this.year = date.year;
    this.dem = cast.country.dem;
    this.people = new Rotation(rng, cast.people);
    this.agencies = new Rotation(rng, cast.agencies);
    this.places = new Rotation(rng, cast.places);
    this.crimes = new Rotation(rng, cast.crimes);
    this.topics = new Rotation(rng, cast.topics);
    for (const person of cast.people) this.personMentions.set(person, new PersonRef(this, person));
    for (const agency of cast.agencies) this.agencyMentions.set(agency, new AgencyRef(this, agency));
  }

  p(): PersonMention {
    return this.personMentions.get(this.people.take()) as PersonMention;
  }

  ag(): AgencyMention {
    // An agency a title has already named waits its turn: "une délégation du SCLC" is not the SCLC's own head.
    const fresh = this.cast.agencies.find((agency) => !this.introducedAgencies.has(agency));
    return this.agencyMentions.get(fresh ?? this.agencies.take()) as AgencyMention;
  }

  ag2(first: AgencyMention): AgencyMention {
    const others = [...this.agencyMentions.values()].filter((mention) => mention !== first);
    return others.length ? pick(this.rng, others) : PARTNERS;
  }

  pl(): PlaceRef {
    return this.places.take();
  }

  pl2(first: PlaceRef): PlaceRef {
    const others = this.cast.places.filter((place) => place !== first && place.le !== first.le);
    return others.length ? pick(this.rng, others) : NEIGHBOURS;
  }

  t(): string {
    return pick(this.rng, this.crimes.take().problems);
  }

  r(): string {
    return pick(this.rng, this.topics.take().responses);
  }

  tv(singular: string, plural: string): string {
    return agree(this.t(), singular, plural);
  }

  rv(singular: string, plural: string): string {
    return agree(this.r(), singular, plural);
  }

  when(): string {
    return whenPhrase(this.rng, this.date);
  }

  q(): string {
    return pick(this.rng, QUOTES);
  }

  n(min: number, max: number): number {
    return int(this.rng, min, max);
  }

  /** The agency's name as written now: in full (with its acronym) the first time, then mostly the acronym. */
  agencyName(agency: AgencySpec): string {
    if (!this.introducedAgencies.has(agency)) {
      this.introducedAgencies.add(agency);
      return agency.acronym ? `${agency.name} (${agency.acronym})` : agency.name;
    }
    if (agency.acronym && chance(this.rng, 0.85)) return agency.acronym;
    if (agency.sharedAlias && chance(this.rng, 0.7)) return agency.sharedAlias;
    return agency.name;
  }

  /** "Ahmed Benali, directeur de la DRST" the first time, then "M. Benali", "A. Benali" or the full name. */
  personName(person: PersonSpec, end: boolean): string {
    if (!this.introducedPeople.has(person)) {
      this.introducedPeople.add(person);
      const role = this.apposition(person);
      // "Ahmed Benali, directeur de la DRST," or "le directeur de la DRST, Ahmed Benali,".
      if (chance(this.rng, 0.7)) return `${person.name}, ${role}${end ? "" : ","}`;
      return `${withArticle(role, person.gender)}, ${person.name}${end ? "" : ","}`;
    }
    const roll = this.rng();
    if (roll < 0.6) return `${person.gender === "m" ? "M." : "Mme"} ${person.surname}`;
    const initial = person.aliases.find((alias) => /^\p{L}\. /u.test(alias));
    if (roll < 0.75 && initial) return initial;
    return person.name;
  }

  /** The role the person held that year (or last held, as "ancien"), named through its agency. */
  private apposition(person: PersonSpec): string {
    const year = this.date.year;
    const current = person.roles.find((role) => role.from <= year && (role.to === undefined || role.to >= year));
    const past = [...person.roles].reverse().find((role) => role.to !== undefined && role.to < year);
    const role = current ?? past ?? person.roles[0];
    const dem = countryOf(person.country).dem[person.gender];
    if (!role) return `${person.gender === "m" ? "haut responsable" : "haute responsable"} ${dem}`;
    const former = !current && Boolean(past);
    // A role in an agency the article is not about is told by its field ("magistrat marocain"),
    // so that the article names only its cast of 3–8 actors (and no ambassador's extra places).
    // A minister's title ("ministre de l'Intérieur") names no agency and stays.
    if (!this.cast.agencies.includes(role.agency) && !(role.agency.category === "ministere" && role.title.link === "none")) {
      const noun = PERSON_NOUNS[role.agency.category][person.gender === "m" ? 0 : 1].toLowerCase();
      return `${former ? (person.gender === "m" ? "ancien " : "ancienne ") : ""}${noun} ${dem}`;
    }
    return roleText(role, person.gender, former, (agency) => this.agencyName(agency));
  }
}

class PersonRef implements PersonMention {
  constructor(
    private readonly writer: ArticleWriter,
    private readonly person: PersonSpec,
  ) {}

  mid(): string {
    return this.writer.personName(this.person, false);
  }

  end(): string {
    return this.writer.personName(this.person, true);
  }

  de(): string {
    return deMention(this.end());
  }

  g(m: string, f: string): string {
    return this.person.gender === "m" ? m : f;
  }
}

class AgencyRef implements AgencyMention {
  constructor(
    private readonly writer: ArticleWriter,
    private readonly agency: AgencySpec,
  ) {}

  le(): string {
    return withArticle(this.writer.agencyName(this.agency), this.agency.gender);
  }

  de(): string {
    return deName(this.writer.agencyName(this.agency), this.agency.gender);
  }

  a(): string {
    return aName(this.writer.agencyName(this.agency), this.agency.gender);
  }
}

/** A subject and its verb: "la menace terroriste reste", "les cyberattaques restent". */
function agree(phrase: string, singular: string, plural: string): string {
  return `${phrase} ${phrase.startsWith("les ") ? plural : singular}`;
}

function whenPhrase(rng: Rng, date: ArticleDate): string {
  const weekday = WEEKDAYS[date.weekday] as string;
  switch (int(rng, 0, 4)) {
    case 0:
      return `ce ${weekday}`;
    case 1:
      return `le ${Math.max(1, date.day - int(rng, 0, 3))} ${MONTHS[date.month - 1]}`;
    case 2:
      return "en début de semaine";
    case 3:
      return `${WEEKDAYS[int(rng, 1, 5)]} dernier`;
    default:
      return "la semaine dernière";
  }
}

const MIN_WORDS = 400;
const MAX_WORDS = 900;
/** Longer than any sentence the templates make, so a body never passes MAX_WORDS. */
const LAST_SENTENCE_ROOM = 60;
const WORDS_PER_PARAGRAPH = 85;
/** Bytes per word of this prose (accents, punctuation, spaces), to turn a byte budget into words. */
const BYTES_PER_WORD = 6.6;
/** How often a sentence comes from the story's own templates rather than the shared ones. */
const STORY_SHARE = 0.5;

/**
 * 5–10 paragraphs of 400–900 words by default; with `bytesPerArticle`, as many paragraphs
 * as that size needs. Sentences are dealt from shuffled decks of templates (the story's
 * own and the shared ones) so that an article rarely repeats one.
 */
function articleBody(rng: Rng, cast: Cast, date: ArticleDate, bytesPerArticle: number | null): string {
  const c = new ArticleWriter(rng, cast, date);
  const sized = bytesPerArticle !== null;
  // The last sentence of a paragraph crosses the budget: leave it room below 900 words.
  const budget = sized ? bytesPerArticle : int(rng, MIN_WORDS, MAX_WORDS - LAST_SENTENCE_ROOM);
  const words = sized ? budget / BYTES_PER_WORD : budget;
  const paragraphCount = sized ? clamp(Math.round(words / WORDS_PER_PARAGRAPH), 1, 500) : clamp(Math.round(words / WORDS_PER_PARAGRAPH), 5, 10);
  const measure = sized ? (sentence: string) => Buffer.byteLength(sentence) + 1 : countWords;
  const perParagraph = budget / paragraphCount;
  const storyDeck = deck(rng, STORY_SENTENCES[cast.story]);
  const sharedDeck = deck(rng, SHARED_SENTENCES);

  const paragraphs: string[] = [];
  let used = 0;
  for (let k = 0; k < paragraphCount; k++) {
    const sentences: string[] = [];
    // Aim at the paragraph's share of what is left, so that the article lands on its budget.
    const target = Math.min(perParagraph * 1.4, (budget - used) / (paragraphCount - k));
    let size = 0;
    do {
      const template = k === 0 && sentences.length === 0 ? pick(rng, LEADS[cast.story]) : chance(rng, STORY_SHARE) ? storyDeck() : sharedDeck();
      const sentence = capitalize(template(c));
      sentences.push(sentence);
      size += measure(sentence);
    } while (size < target);
    used += size;
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

/** Deals the templates in a shuffled order, reshuffling when the deck is empty (never the same card twice in a row). */
function deck(rng: Rng, templates: readonly Template[]): () => Template {
  let cards: Template[] = [];
  let last: Template | undefined;
  return () => {
    if (cards.length === 0) {
      cards = shuffled(rng, templates);
      if (cards.at(-1) === last && cards.length > 1) [cards[0], cards[cards.length - 1]] = [cards[cards.length - 1] as Template, cards[0] as Template];
    }
    last = cards.pop() as Template;
    return last;
  };
}

function countWords(sentence: string): number {
  let n = 1;
  for (let i = sentence.indexOf(" "); i !== -1; i = sentence.indexOf(" ", i + 1)) n++;
  return n;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
