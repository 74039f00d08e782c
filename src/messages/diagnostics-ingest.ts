import { entry, list } from "./diagnostic-entry.ts";

/**
 * The texts of the diagnostics made while a source is read and extracted (src/ingest: bytes,
 * encodings, limits, YAML, front-matter formats; src/pipeline: time limits, failures, files
 * left out), merged into the catalogue of ./diagnostics.ts. A parser's own words (the `yaml`
 * package's, TOML's, JSON.parse's, the system's) stay as they are, inside a sentence of the
 * editor's language.
 */

/** Sizes are counted in kilobytes, written KB in English and Ko in French. */
const kbEn = (n: number) => `${n} KB`;
const kbFr = (n: number) => `${n} Ko`;
/** A decimal number as French writes it (0,5). */
const decimalFr = (n: number) => String(n).replace(".", ",");

const FORMAT_FR: Readonly<Record<string, string>> = { markdown: "Markdown", text: "brut", html: "HTML" };

/** Why a file or folder of the articles is not read (src/pipeline/walk.ts, article-sources.ts). */
export type SkipKind =
  | "unknown-type"
  | "hidden-folder"
  | "hidden-file"
  | "backup"
  | "not-a-file"
  | "folder-unreadable"
  | "folder-read-already"
  | "file-read-already"
  | "link-loop"
  | "link-broken"
  | "link-unreadable"
  | "link-outside"
  | "link-back"
  | "link-not-a-file";

/** Why a file of the articles folder is not read, in French (the English is the walk's own `reason`). */
export const skipReasonFr = (kind: string, detail: string, link: number): string => {
  const reason: Readonly<Record<string, string>> = {
    "unknown-type": `type de fichier inconnu \`${detail || "(aucune extension)"}\``,
    "hidden-folder": "dossier caché",
    "hidden-file": "fichier caché",
    backup: "copie de sauvegarde d’un éditeur",
    "not-a-file": "ni un fichier ni un dossier",
    "folder-unreadable": `le dossier ne peut pas être lu (${detail})`,
    "folder-read-already": `son dossier est déjà lu sous le nom ${detail}`,
    "file-read-already": `son fichier est déjà lu sous le nom ${detail}`,
    "link-loop": "il pointe vers lui-même (une boucle)",
    "link-broken": "lien cassé (sa cible n’existe pas)",
    "link-unreadable": `sa cible ne peut pas être lue (${detail})`,
    "link-outside": `sa cible (${detail}) est hors du dossier de contenu`,
    "link-back": "il ramène à un dossier qui le contient (une boucle)",
    "link-not-a-file": "sa cible n’est ni un fichier ni un dossier",
  };
  const text = reason[kind] ?? kind;
  return link ? `lien symbolique non suivi : ${text}` : text;
};

export const INGEST_TEXTS = {
  // Bytes and encodings (src/ingest/decode.ts, read-source.ts)
  "source-encoding-unknown": entry<{ label: string; readAs: string }>(
    (p) => ({ message: `the file declares the encoding \`${p.label}\`, which Revue cannot read; it was read as ${p.readAs}`, fix: "Save the file as UTF-8 and declare `utf-8`." }),
    (p) => ({ message: `le fichier déclare l’encodage \`${p.label}\`, que Revue ne sait pas lire ; il a été lu en ${p.readAs}`, fix: "Enregistrez le fichier en UTF-8 et déclarez `utf-8`." }),
  ),
  "source-encoding-mismatch": entry<{ label: string }>(
    (p) => ({ message: `the file declares the encoding \`${p.label}\` but its text is UTF-8; it was read as UTF-8`, fix: "Declare `utf-8` in the file." }),
    (p) => ({ message: `le fichier déclare l’encodage \`${p.label}\` mais son texte est en UTF-8 ; il a été lu en UTF-8`, fix: "Déclarez `utf-8` dans le fichier." }),
  ),
  "source-not-utf8": entry<Record<string, never>>(
    () => ({ message: "the file is not UTF-8; it was read as Windows-1252", fix: "Save the file as UTF-8." }),
    () => ({ message: "le fichier n’est pas en UTF-8 ; il a été lu en Windows-1252", fix: "Enregistrez le fichier en UTF-8." }),
  ),
  "source-binary": entry<{ line: number; format: string }>(
    (p) => ({
      message: `the file is binary, not text: it holds a NUL character (line ${p.line})`,
      fix: `Remove it, or export it as ${p.format === "markdown" ? "Markdown" : p.format} text in UTF-8 (a UTF-16 file needs its byte-order mark).`,
    }),
    (p) => ({
      message: `le fichier est binaire, pas du texte : il contient un caractère NUL (ligne ${p.line})`,
      fix: `Retirez-le, ou exportez-le en texte ${FORMAT_FR[p.format] ?? p.format} encodé en UTF-8 (un fichier UTF-16 doit commencer par son indicateur d’ordre des octets).`,
    }),
  ),
  "source-unsupported-type": entry<{ extension: string; extensions: readonly string[] }>(
    (p) => ({ message: `unsupported file type \`${p.extension || "(none)"}\``, fix: `Use one of ${list(p.extensions)}.` }),
    (p) => ({ message: `type de fichier non pris en charge : \`${p.extension || "(aucune extension)"}\``, fix: `Utilisez l’une de ces extensions : ${list(p.extensions)}.` }),
  ),
  "source-too-large": entry<{ megabytes: number }>(
    (p) => ({ message: `file is larger than ${p.megabytes} MB`, fix: "Split it or remove embedded data." }),
    (p) => ({ message: `le fichier dépasse ${p.megabytes} Mo`, fix: "Découpez-le, ou retirez-en les données incorporées." }),
  ),
  "source-cannot-read": entry<{ reason: string }>(
    (p) => ({ message: `cannot read the file: ${p.reason}` }),
    (p) => ({ message: `impossible de lire le fichier : ${p.reason}` }),
  ),
  "source-control-characters": entry<{ count: number; first: string; escape: number }>(
    (p) => ({
      message: `the ${p.escape ? "file's escapes give" : "file holds"} ${p.count === 1 ? "a control character or noncharacter" : `${p.count} control characters or noncharacters`} (first ${p.first}); ${p.count === 1 ? "it was" : "they were"} removed (vertical tab, form feed and next line became spaces)`,
      fix: p.escape ? "Remove the escape (`\\x…`, `\\u…` in YAML, `&#…;` in HTML) from the file." : "Remove the invisible character from the file (an editor that shows control characters, or `cat -A`, finds it).",
    }),
    (p) => ({
      message: `${p.escape ? "les échappements du fichier donnent" : "le fichier contient"} ${p.count === 1 ? "un caractère de contrôle ou non-caractère" : `${p.count} caractères de contrôle ou non-caractères`} (le premier : ${p.first}) ; ${p.count === 1 ? "il a été retiré" : "ils ont été retirés"} (la tabulation verticale, le saut de page et le passage à la ligne NEL sont devenus des espaces)`,
      fix: p.escape
        ? "Retirez l’échappement (`\\x…`, `\\u…` en YAML, `&#…;` en HTML) du fichier."
        : "Retirez le caractère invisible du fichier (un éditeur qui affiche les caractères de contrôle, ou `cat -A`, le montre).",
    }),
  ),
  // YAML (src/ingest/yaml.ts, yaml-limits.ts)
  "yaml-too-long": entry<{ size: number; limit: number }>(
    (p) => ({ message: `the YAML is ${kbEn(p.size)} long, over the limit of ${kbEn(p.limit)}`, fix: "Keep front matter and knowledge-base files to short values; put long text in the article's body." }),
    (p) => ({ message: `le YAML fait ${kbFr(p.size)}, au-delà de la limite de ${kbFr(p.limit)}`, fix: "Gardez des valeurs courtes dans l’en-tête et les fichiers de la base de connaissances ; mettez le texte long dans le corps de l’article." }),
  ),
  "yaml-line-too-long": entry<{ size: number; limit: number }>(
    (p) => ({ message: `a line of ${kbEn(p.size)}, over the limit of ${kbEn(p.limit)} for one value`, fix: "Shorten the value; long text belongs in the article's body." }),
    (p) => ({ message: `une ligne de ${kbFr(p.size)}, au-delà de la limite de ${kbFr(p.limit)} pour une valeur`, fix: "Raccourcissez la valeur ; le texte long a sa place dans le corps de l’article." }),
  ),
  "yaml-too-deep": entry<{ depth: number; limit: number }>(
    (p) => ({ message: `YAML nested ${p.depth} levels deep, over the limit of ${p.limit}`, fix: "Flatten the structure: front matter and knowledge-base files need a few levels at most." }),
    (p) => ({ message: `YAML imbriqué sur ${p.depth} niveaux, au-delà de la limite de ${p.limit}`, fix: "Aplatissez la structure : l’en-tête et les fichiers de la base de connaissances n’ont besoin que de quelques niveaux." }),
  ),
  "yaml-syntax": entry<{ detail: string }>(
    (p) => ({ message: `YAML syntax error: ${p.detail}`, fix: "Check indentation, quote values that contain ': ' or start with a special character, and close every quote and bracket." }),
    (p) => ({
      message: `erreur de syntaxe YAML (message du lecteur YAML) : ${p.detail}`,
      fix: "Vérifiez l’indentation, mettez entre guillemets les valeurs qui contiennent « : » ou commencent par un caractère spécial, et fermez chaque guillemet et chaque crochet.",
    }),
  ),
  "yaml-duplicate-key": entry<{ key: string; firstLine: number }>(
    (p) => ({ message: `\`${p.key}\` is written a second time (first at line ${p.firstLine}): this later value is kept`, fix: "Remove the line you do not want: the YAML spec allows a key once per map." }),
    (p) => ({
      message: `\`${p.key}\` est écrit une deuxième fois (d’abord ligne ${p.firstLine}) : c’est cette dernière valeur qui est retenue`,
      fix: "Supprimez la ligne que vous ne voulez pas : le YAML n’admet qu’une fois chaque clé.",
    }),
  ),
  "yaml-aliases": entry<{ max: number }>(
    (p) => ({ message: `the YAML's \`*aliases\` expand to more than ${p.max} copies of their anchors' values`, fix: "Write the values out instead of repeating `*alias`es: front matter and knowledge-base files need none." }),
    (p) => ({
      message: `les \`*alias\` du YAML se développent en plus de ${p.max} copies des valeurs de leurs ancres`,
      fix: "Écrivez les valeurs en entier au lieu de répéter des `*alias` : l’en-tête et les fichiers de la base de connaissances n’en ont pas besoin.",
    }),
  ),
  "yaml-alias": entry<{ detail: string }>(
    (p) => ({ message: `YAML error: ${p.detail}`, fix: "Remove the `*alias`, or set its `&anchor` before it." }),
    (p) => ({ message: `erreur YAML (message du lecteur YAML) : ${p.detail}`, fix: "Retirez l’`*alias`, ou placez son `&ancre` avant lui." }),
  ),
  // Markdown (src/ingest/markdown-limits.ts)
  "markdown-too-deep": entry<{ depth: number; limit: number }>(
    (p) => ({ message: `Markdown nested ${p.depth} levels deep (block quotes and lists), over the limit of ${p.limit}`, fix: "Remove the extra `>` or list markers: an article needs a few levels of quotes or lists at most." }),
    (p) => ({
      message: `Markdown imbriqué sur ${p.depth} niveaux (citations et listes), au-delà de la limite de ${p.limit}`,
      fix: "Retirez les `>` ou les marqueurs de liste en trop : un article n’a besoin que de quelques niveaux de citations ou de listes.",
    }),
  ),
  // Front-matter formats (src/ingest/front-matter-formats.ts)
  "front-matter-javascript": entry<Record<string, never>>(
    () => ({
      message: "JavaScript front matter (`---js`) is code: Revue never runs it, and cannot read the article's fields from it",
      fix: "Convert it to YAML: `---` on the first line, one `key: value` per line (`title: …`, `date: YYYY-MM-DD`), `---` to close it, and computed values written out.",
    }),
    () => ({
      message: "un en-tête en JavaScript (`---js`) est du code : Revue ne l’exécute jamais, et ne peut pas y lire les champs de l’article",
      fix: "Convertissez-le en YAML : `---` sur la première ligne, une ligne `clé: valeur` par champ (`title: …`, `date: AAAA-MM-JJ`), `---` pour le fermer, et les valeurs calculées écrites en toutes lettres.",
    }),
  ),
  "front-matter-language": entry<{ language: string }>(
    (p) => ({ message: `front matter in \`${p.language}\` cannot be read: Revue reads YAML (\`---\`), TOML (\`+++\`) and JSON`, fix: "Convert it to YAML, between two `---` lines, one `key: value` per line." }),
    (p) => ({ message: `un en-tête en \`${p.language}\` ne peut pas être lu : Revue lit le YAML (\`---\`), le TOML (\`+++\`) et le JSON`, fix: "Convertissez-le en YAML, entre deux lignes `---`, une ligne `clé: valeur` par champ." }),
  ),
  "front-matter-not-a-map": entry<{ format: "yaml" | "toml" | "json" }>(
    (p) => ({
      message: p.format === "yaml" ? "front matter must be a set of `key: value` lines" : "front matter must be a set of keys and values",
      fix:
        p.format === "yaml"
          ? "Write one `key: value` per line between the two `---` lines."
          : p.format === "toml"
            ? "Write one `key = value` per line between the two `+++` lines."
            : 'Write one object: `{ "title": "…", "date": "YYYY-MM-DD" }`.',
    }),
    (p) => ({
      message: p.format === "yaml" ? "l’en-tête doit être fait de lignes `clé: valeur`" : "l’en-tête doit être un ensemble de clés et de valeurs",
      fix:
        p.format === "yaml"
          ? "Écrivez une ligne `clé: valeur` par champ entre les deux lignes `---`."
          : p.format === "toml"
            ? "Écrivez une ligne `clé = valeur` par champ entre les deux lignes `+++`."
            : 'Écrivez un seul objet : `{ "title": "…", "date": "AAAA-MM-JJ" }`.',
    }),
  ),
  "front-matter-toml-syntax": entry<{ detail: string }>(
    (p) => ({ message: `TOML syntax error: ${p.detail}`, fix: 'Check the line: text in quotes (`title = "…"`), lists in brackets (`tags = ["a", "b"]`), one key per line, no key twice.' }),
    (p) => ({
      message: `erreur de syntaxe TOML (message du lecteur TOML) : ${p.detail}`,
      fix: 'Vérifiez la ligne : le texte entre guillemets (`title = "…"`), les listes entre crochets (`tags = ["a", "b"]`), une clé par ligne, aucune clé deux fois.',
    }),
  ),
  "front-matter-json": entry<{ problem: "unclosed" | "text-after" | "syntax"; detail: string }>(
    (p) => ({
      message: `JSON front matter cannot be read: ${p.problem === "unclosed" ? "the object that opens the file has no closing `}`" : p.problem === "text-after" ? "text follows the closing `}` of the front matter on its line" : p.detail}`,
      fix: "Check the object: keys and text in double quotes, a comma between entries and none after the last, and the closing `}` on its own line before the article.",
    }),
    (p) => ({
      message: `l’en-tête JSON ne peut pas être lu : ${p.problem === "unclosed" ? "l’objet qui ouvre le fichier n’a pas d’accolade fermante `}`" : p.problem === "text-after" ? "du texte suit l’accolade fermante `}` de l’en-tête sur sa ligne" : `${p.detail} (message du lecteur JSON)`}`,
      fix: "Vérifiez l’objet : clés et textes entre guillemets doubles, une virgule entre deux entrées et aucune après la dernière, et l’accolade fermante `}` seule sur sa ligne avant l’article.",
    }),
  ),
  "front-matter-line-too-long": entry<{ size: number; limit: number }>(
    (p) => ({ message: `a front-matter line of ${kbEn(p.size)}, over the limit of ${kbEn(p.limit)} for one value`, fix: "Shorten the value; long text belongs in the article's body." }),
    (p) => ({ message: `une ligne d’en-tête de ${kbFr(p.size)}, au-delà de la limite de ${kbFr(p.limit)} pour une valeur`, fix: "Raccourcissez la valeur ; le texte long a sa place dans le corps de l’article." }),
  ),
  "front-matter-too-long": entry<{ limit: number }>(
    (p) => ({ message: `the front matter is over the limit of ${kbEn(p.limit)}`, fix: "Keep front matter to short values; put long text in the article's body." }),
    (p) => ({ message: `l’en-tête dépasse la limite de ${kbFr(p.limit)}`, fix: "Gardez des valeurs courtes dans l’en-tête ; mettez le texte long dans le corps de l’article." }),
  ),
  "front-matter-too-deep": entry<{ limit: number }>(
    (p) => ({ message: `front matter nested deeper than the limit of ${p.limit} levels`, fix: "Flatten the structure: front matter needs a few levels at most." }),
    (p) => ({ message: `l’en-tête est imbriqué au-delà de la limite de ${p.limit} niveaux`, fix: "Aplatissez la structure : un en-tête n’a besoin que de quelques niveaux." }),
  ),
  // Extraction (src/pipeline/extract-source.ts, extract-pool.ts, source-timeout.ts)
  "source-worker-lost": entry<{ reason: string }>(
    (p) => ({ message: `the extraction of the source stopped its worker process (${p.reason}), probably out of memory`, fix: "Look for very large or deeply nested content in the file, and split or simplify it." }),
    (p) => ({
      message: `l’extraction de la source a arrêté son processus de travail (${p.reason}), probablement faute de mémoire`,
      fix: "Cherchez dans le fichier un contenu très volumineux ou profondément imbriqué, et découpez-le ou simplifiez-le.",
    }),
  ),
  "source-timeout": entry<{ seconds: number }>(
    (p) => ({
      message: `the source took longer than ${p.seconds} s to extract and was stopped`,
      fix: "Look for very long lines or paragraphs, or deeply nested content, and split or simplify them; if the file looks ordinary, report it to the maintainers.",
    }),
    (p) => ({
      message: `l’extraction de la source a pris plus de ${decimalFr(p.seconds)} s et a été arrêtée`,
      fix: "Cherchez des lignes ou des paragraphes très longs, ou un contenu profondément imbriqué, et découpez-les ou simplifiez-les ; si le fichier semble ordinaire, signalez-le aux mainteneurs.",
    }),
  ),
  "source-failed": entry<{ reason: string; tooDeep: number }>(
    (p) => ({
      message: `the source could not be extracted: ${p.tooDeep ? "it is nested too deeply to be read" : p.reason}`,
      fix: "Look for deeply nested or very long content in the file, or report the file to the maintainers with this message.",
    }),
    (p) => ({
      message: `la source n’a pas pu être extraite : ${p.tooDeep ? "elle est trop profondément imbriquée pour être lue" : p.reason}`,
      fix: "Cherchez dans le fichier un contenu profondément imbriqué ou très long, ou signalez le fichier aux mainteneurs avec ce message.",
    }),
  ),
  "markdown-long-paragraph": entry<{ size: number; limit: number; delimiters: number }>(
    (p) => ({
      message: `a paragraph of ${kbEn(p.size)} is over the limits of Markdown (${kbEn(p.limit)}, ${p.delimiters} \`*\`, \`_\`, \`[\` or \`]\`) and is shown as plain text: its links and emphasis are not applied`,
      fix: "Split it into paragraphs with blank lines.",
    }),
    (p) => ({
      message: `un paragraphe de ${kbFr(p.size)} dépasse les limites du Markdown (${kbFr(p.limit)}, ${p.delimiters} \`*\`, \`_\`, \`[\` ou \`]\`) et s’affiche en texte brut : ses liens et sa mise en valeur ne sont pas appliqués`,
      fix: "Découpez-le en paragraphes séparés par des lignes vides.",
    }),
  ),
  // Files of the articles folder left out (src/pipeline/article-sources.ts, walk.ts)
  "source-skipped": entry<{ reason: string; kind: SkipKind; detail: string; link: number; extensions: readonly string[] }>(
    (p) => ({
      message: `not read: ${p.reason}`,
      fix:
        p.kind === "unknown-type"
          ? `Save an article as ${p.extensions.join(", ")}, or move the file out of the articles folder.`
          : p.link
            ? "Point the link at a file or folder inside the content folder, or copy its target there."
            : 'Rename it if it is an article (names starting with "." or ending with "~" are left out), or move it out of the articles folder.',
    }),
    (p) => ({
      message: `non lu : ${skipReasonFr(p.kind, p.detail, p.link)}`,
      fix:
        p.kind === "unknown-type"
          ? `Enregistrez un article en ${p.extensions.join(", ")}, ou sortez le fichier du dossier des articles.`
          : p.link
            ? "Faites pointer le lien vers un fichier ou un dossier du dossier de contenu, ou copiez-y sa cible."
            : "Renommez-le s’il s’agit d’un article (les noms qui commencent par « . » ou finissent par « ~ » sont laissés de côté), ou sortez-le du dossier des articles.",
    }),
  ),
};
