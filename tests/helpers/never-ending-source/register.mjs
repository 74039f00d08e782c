// `node --import tsx --import ./register.mjs SCRIPT`: the script runs with the stand-ins of this folder (./hooks.mjs).
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
