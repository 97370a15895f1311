import { AppError } from "@/lib/server/errors";
import { answerLocale, errorResponse } from "@/lib/api/handler";

// Unknown API paths answer in the API's error shape rather than with the HTML 404 page.
const notFound = async (req: Request) => {
  const path = new URL(req.url).pathname;
  const err = new AppError("not_found", `No API endpoint at ${path}; see /api/v1/openapi.json`, undefined, { key: "errors.noEndpoint", values: { path } });
  return errorResponse(err, answerLocale(req));
};

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
