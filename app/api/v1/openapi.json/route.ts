import { publicApiHandler } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 description of this API; public, it holds no data. */
export const GET = publicApiHandler(async () => buildOpenApiDocument());
