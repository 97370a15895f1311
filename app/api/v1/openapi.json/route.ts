import { methods, publicApiHandler } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 description of this API; public, it holds no data. */
const get = publicApiHandler(async () => buildOpenApiDocument());

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
