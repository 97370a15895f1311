import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/api/handler";

// Unknown API paths answer in the API's error shape rather than with the HTML 404 page.
const notFound = async (req: Request) => errorResponse(new AppError("not_found", `No API endpoint at ${new URL(req.url).pathname}; see /api/v1/openapi.json`));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
