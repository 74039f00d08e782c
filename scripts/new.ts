/**
 * npm run new -- "Titre de l'article"
 *
 * Creates content/articles/YYYY/YYYY-MM-DD-slug.md dated today, every front-matter field
 * shown and explained, as a draft. Never overwrites an existing file.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { format } from "date-fns/format";
import { newArticleMarkdown } from "../src/editor/new-article.ts";
import { editorLanguage, parse, ROOT, run } from "./lib/cli.ts";

const USAGE = 'usage: npm run new -- "Titre de l\'article" [--content DIR]';

run(() => {
  const { values, positionals } = parse({ content: { type: "string" } }, USAGE);
  const contentDir = resolve(values.content ?? join(ROOT, "content"));
  const { lang, say } = editorLanguage(contentDir);
  const title = positionals.join(" ").trim();
  if (!title) throw new Error(`${say.new.needTitle}\n\n${USAGE}`);
  const today = format(new Date(), "yyyy-MM-dd");
  const { slug, markdown } = newArticleMarkdown(title, today, lang);
  const file = join(contentDir, "articles", today.slice(0, 4), `${today}-${slug}.md`);
  if (existsSync(file)) throw new Error(say.new.exists(relative(process.cwd(), file)));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, markdown, { flag: "wx" });
  process.stdout.write(`${say.new.created(relative(process.cwd(), file))}\n`);
});
