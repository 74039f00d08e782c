import { entry } from "./diagnostic-entry.ts";

/**
 * The texts of the diagnostics on the knowledge base's and the rules' files that
 * ./diagnostics.ts does not hold itself (src/knowledge: entries.ts, rule-file.ts, rules.ts),
 * merged into its catalogue. The regular-expression engine's own words stay as they are.
 */

/** What a pattern the linear-time engine (src/knowledge/linear-regexp.ts) refuses needs: the fix of every refused pattern. */
const LINEAR_PATTERN_FIX_EN =
  "Write the pattern without look-around `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)` or back-references `\\1`, and escape special characters with a backslash (written \\\\ inside double quotes).";
const LINEAR_PATTERN_FIX_FR =
  "Écrivez le motif sans assertion avant ou arrière `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)` ni référence arrière `\\1`, et échappez les caractères spéciaux par une barre oblique inverse (écrite \\\\ entre guillemets doubles).";

export const KNOWLEDGE_TEXTS = {
  // Knowledge-base files (src/knowledge/entries.ts)
  "kb-place-duplicate-id": entry<{ id: string; seen: string }>(
    (p) => ({ message: `place id \`${p.id}\` is already defined in ${p.seen}`, fix: "Give one of them an explicit `id:` (e.g. the name followed by the region)." }),
    (p) => ({ message: `l’identifiant de lieu \`${p.id}\` est déjà défini dans ${p.seen}`, fix: "Donnez à l’un des deux un `id:` explicite (par exemple le nom suivi de la région)." }),
  ),
  "kb-aggregator-path": entry<{ path: string; error: string }>(
    (p) => ({ message: `aggregator path ${p.path} is not a pattern Revue can run: ${p.error}`, fix: LINEAR_PATTERN_FIX_EN }),
    (p) => ({ message: `le chemin d’agrégateur ${p.path} n’est pas un motif que Revue peut exécuter (message du moteur d’expressions régulières : ${p.error})`, fix: LINEAR_PATTERN_FIX_FR }),
  ),
  // The rules' files (src/knowledge/rule-file.ts, rules.ts)
  "rules-missing": entry<{ name: string }>(
    (p) => ({ message: `${p.name} is missing`, fix: `Restore content/${p.name} from the repository.` }),
    (p) => ({ message: `${p.name} est absent`, fix: `Restaurez content/${p.name} depuis le dépôt.` }),
  ),
  "rules-type": entry<{ key: string }>(
    (p) => ({ message: `\`${p.key}\` must be a list of texts` }),
    (p) => ({ message: `\`${p.key}\` doit être une liste de textes` }),
  ),
  "rules-pattern": entry<{ pattern: string; error: string }>(
    (p) => ({ message: `invalid pattern ${p.pattern}: ${p.error}`, fix: LINEAR_PATTERN_FIX_EN }),
    (p) => ({ message: `motif invalide ${p.pattern} (message du moteur d’expressions régulières : ${p.error})`, fix: LINEAR_PATTERN_FIX_FR }),
  ),
  "rules-unknown-key": entry<{ key: string; keys: readonly string[] }>(
    (p) => ({
      message: `unknown key \`${p.key}\`: its list is not read`,
      fix: `Rename it to one of ${p.keys.map((known) => `\`${known}\``).join(", ")}, or move its lines to the file that reads them (the comments at the top of each file of content/rules/ say what it holds).`,
    }),
    (p) => ({
      message: `clé inconnue \`${p.key}\` : sa liste n’est pas lue`,
      fix: `Renommez-la en l’une de ces clés : ${p.keys.map((known) => `\`${known}\``).join(", ")}, ou déplacez ses lignes dans le fichier qui les lit (les commentaires en tête de chaque fichier de content/rules/ disent ce qu’il contient).`,
    }),
  ),
  "rules-class-word": entry<{ word: string }>(
    (p) => ({ message: `${p.word} is not one word: class names are split on spaces, "-" and "_" before their words are compared`, fix: "Write one word per line in `class_words`, or move a name whose words run together to `class_phrases`." }),
    (p) => ({
      message: `${p.word} n’est pas un seul mot : les noms de classe sont coupés aux espaces, aux « - » et aux « _ » avant que leurs mots soient comparés`,
      fix: "Écrivez un mot par ligne dans `class_words`, ou déplacez un nom dont les mots sont accolés vers `class_phrases`.",
    }),
  ),
};
