// `prisma generate` needs no database and no native engine, but the CLI still looks for the
// schema-engine binary it would download; point it at any executable so it works offline.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const r = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
