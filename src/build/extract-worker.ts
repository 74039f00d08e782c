import { parentPort, workerData } from "node:worker_threads";
import { compileKnowledge } from "../extract/compile.ts";
import { loadKnowledgeBase } from "../knowledge/load.ts";
import { extractSource } from "./extract-source.ts";
import type { WorkerTask } from "./extract-pool.ts";

/** A worker thread of the extraction pool: loads the knowledge base once, extracts its share of sources. */
const task = workerData as WorkerTask;
const { kb } = loadKnowledgeBase(task.contentDir, task.cwd);
const compiled = compileKnowledge(kb);
const options = { homeCountry: task.homeCountry, today: new Date(task.today) };
const results = task.jobs.map((job) => extractSource(job.file, job.display, compiled, options));
parentPort?.postMessage(results);
