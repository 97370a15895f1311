// Verdicts on propositions from their mentions: see comparison/ for origins, details and sentences.
export * from "./comparison/origins";
export * from "./comparison/details";
export * from "./comparison/verdict";
export { listNames } from "./comparison/sentence";
export * from "./comparison/cell-quotes";
