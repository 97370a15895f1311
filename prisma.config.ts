import "dotenv/config";
import { defineConfig } from "prisma/config";

// The CLI reads the URL from here; the app itself connects through lib/db (adapter-pg).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/claims" },
});
