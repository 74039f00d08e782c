import type { ArticleRecord } from "../../model/article.ts";
import { urls } from "../../model/urls.ts";
import { searchVocabularyFile } from "../../search/vocabulary.ts";
import { digestOf } from "../digest.ts";
import { articleRow, openDataFiles, openDataIndex, type DataFile } from "../open-data.ts";
import { made, type Planned, type RecordDigests } from "../planning.ts";
import type { PageBase, PageContext } from "./shared.ts";

export interface DataPage extends PageBase {
  type: "data";
  files: Pick<DataFile, "name" | "url" | "format" | "description">[];
}

/** The open-data page, which lists the open-data files. */
export function dataPage(context: PageContext): Planned<DataPage> {
  const { strings } = context;
  return made<DataPage>({ type: "data", url: urls.data(), meta: context.meta(urls.data(), strings.openData, strings.openDataLead), files: openDataIndex(urls.data()) });
}

/**
 * The open-data files, and the words the search page suggests from (not an open-data file:
 * the data page does not list it). The open data's digest is that of its article rows (not
 * of whole records: an edit to a body leaves it alone) and of the knowledge base.
 */
export function dataFiles(context: PageContext, digestsOf: (record: ArticleRecord) => RecordDigests | undefined): Planned<DataFile>[] {
  const { archive, absolute } = context;
  const { records, kb } = archive;
  const rows = () => records.map((record) => articleRow(record, absolute(urls.article(record))));
  const rowDigests = records.map((record) => digestsOf(record)?.row);
  const dataDigest = rowDigests.every(Boolean) ? digestOf(["data", kb.version, rowDigests]) : digestOf(["data", kb.version, rows()]);
  let data: DataFile[] | undefined;
  const allFiles = () => (data ??= openDataFiles(rows(), kb, urls.data()));
  const files: Planned<DataFile>[] = openDataIndex(urls.data()).map((file, i) => ({ url: file.url, digest: digestOf([dataDigest, file.url]), make: () => allFiles()[i] as DataFile }));
  files.push(searchVocabularyFile(archive));
  return files;
}
