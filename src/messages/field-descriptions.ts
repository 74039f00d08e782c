/**
 * What a field of a file editors write expects, in French: the schemas' `description`s
 * (src/model/schemas/*.json) are in English, for editors' YAML tooling. A diagnostic on a
 * value that does not fit a field (`schema-pattern`) says it with these words in French; a
 * field missing here is described by its schema's English text. Keys are the schema's name
 * and the field's path without list indexes (`person:roles.from`); `*:country` is any schema's.
 */
const DESCRIPTIONS_FR: Readonly<Record<string, string>> = {
  "article:date":
    "une date de publication AAAA-MM-JJ, ou AAAA-MM / AAAA si seuls le mois ou l’année sont connus, ou une date avec l’heure (2023-05-04T10:30:00+02:00, 2023-05-04T10:30:00Z, 2023-05-04 10:30:00 +0200), l’heure servant aux flux ; une année seule peut s’écrire comme un nombre (2020)",
  "article:modified": "la date de dernière modification de l’article (`lastmod` chez Hugo, `updated`) : une date, ou une date avec l’heure",
  "article:slug":
    "le segment d’adresse de l’article, en minuscules, chiffres et traits d’union ; par défaut celui du nom du fichier (sans son préfixe de date ni son extension), jamais le titre",
  "article:permalink": "le chemin de l’article sur son site d’origine, depuis la racine (/2023/05/titre/)",
  "article:url": "l’adresse de l’article d’origine (http ou https) ; un chemin depuis la racine du site (/2023/05/titre/), comme Hugo écrit `url`, est lu comme `permalink`",
  "article:image": "l’image principale de l’article : son adresse http(s) ou son chemin sur le site (/images/photo.jpg)",
  "*:country": "un code de pays ISO 3166-1 alpha-2, par exemple MA, FR, ES, US",
  "agency:parent": "l’identifiant de l’institution parente",
  "person:roles.agency": "l’identifiant d’un fichier d’institution",
  "person:roles.from": "AAAA, AAAA-MM ou AAAA-MM-JJ (une année peut s’écrire comme un nombre : 2020)",
  "person:roles.to": "AAAA, AAAA-MM ou AAAA-MM-JJ (une année peut s’écrire comme un nombre : 2020)",
};

/** The French description of a schema's field (`path` as a diagnostic writes it: `roles.0.from`), or undefined when there is none. */
export function fieldDescriptionFr(schema: string, path: string): string | undefined {
  const field = path
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .join(".");
  const last = field.split(".").at(-1) ?? "";
  return DESCRIPTIONS_FR[`${schema}:${field}`] ?? DESCRIPTIONS_FR[`*:${last}`];
}
