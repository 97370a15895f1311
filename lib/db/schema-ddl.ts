import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's own schema engine compiled to WebAssembly: it computes DDL without the native
// engine binary that the CLI downloads (unreachable offline). Its API is internal to Prisma,
// so it is used only by dev tooling and tests, never at runtime.
type WasmEngine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

type EngineModule = {
  SchemaEngine: { new: (o: unknown, cb: (l: string) => void, a: unknown) => Promise<WasmEngine> };
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
};

// Node cannot `import` a .wasm file, so instantiate the package's module by hand.
async function loadEngine(): Promise<EngineModule> {
  const dir = path.resolve(process.cwd(), "node_modules/@prisma/schema-engine-wasm");
  const bg = (await import(path.join(dir, "schema_engine_bg.js"))) as EngineModule;
  const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");

/**
 * SQL that takes a database to schema.prisma, from nothing or from an older schema text.
 * (The WASM engine cannot introspect PostgreSQL 18 catalogs, so it diffs schema texts.)
 * `engineUrl` is any reachable database the engine may connect to.
 */
export async function diffToSchema(engineUrl: string, fromSchema?: string): Promise<string> {
  const wasm = await loadEngine();
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  // The engine expects the error-wrapped adapter shape that the Prisma CLI builds.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: engineUrl }));
  const engine = await wasm.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: fromSchema ? { tag: "schemaDatamodel", files: [{ path: "previous.prisma", content: fromSchema }] } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
