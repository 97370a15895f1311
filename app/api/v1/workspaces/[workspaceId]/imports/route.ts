import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { AppError } from "@/lib/server/errors";
import { bulkImport } from "@/lib/server/bulk-import";

// The file's extension decides how bulkImport reads it, so it must agree with the media type sent.
const JSONL = /\.(jsonl|ndjson)$/i;

const post = route(endpoints.bulkImport, async ({ actor, query, file }) => {
  const lines = file.mediaType === "application/x-ndjson";
  const fileName = query.fileName ?? (lines ? "import.jsonl" : "import.json");
  if (lines !== JSONL.test(fileName)) {
    const want = lines ? "a .jsonl or .ndjson name" : "a .json or .jsonld name";
    const message = `${fileName} does not fit Content-Type ${file.mediaType}: send ${want}, or the Content-Type that fits the file`;
    throw new AppError("validation", message, { fields: { fileName: message } });
  }
  return bulkImport(actor, { fileName, bytes: file.bytes, kind: query.kind });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
