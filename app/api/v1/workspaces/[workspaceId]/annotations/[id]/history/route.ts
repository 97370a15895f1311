import { methods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "@/lib/api/route";
import { historyPageInEnglish } from "@/lib/domain/history-english";
import { annotationHistory } from "@/lib/server/history";

const get = route(endpoints.annotationHistory, async ({ actor, params, query }) => historyPageInEnglish(await annotationHistory(actor, params.id, query)));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
