import { clsx } from "clsx";
import type { OpenApiOperation } from "@/lib/api/openapi";

const METHOD_STYLES: Record<string, string> = {
  get: "bg-blue-100 text-blue-900",
  post: "bg-green-100 text-green-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

/** A JSON Schema (or any JSON) behind a disclosure, rendered as text. */
export function JsonDetails({ label, value }: { label: string; value: unknown }) {
  return (
    <details className="rounded border border-slate-200 bg-slate-50 text-sm">
      <summary className="cursor-pointer px-3 py-1.5 font-medium text-slate-700">{label}</summary>
      <pre className="max-h-96 overflow-auto border-t border-slate-200 px-3 py-2 text-xs">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

type Param = { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> };

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "any");
  const bounds = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : null, schema.maximum !== undefined ? `≤ ${schema.maximum}` : null]
    .filter(Boolean)
    .join(", ");
  return [schema.format ? `${type} (${schema.format})` : type, bounds, schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null]
    .filter(Boolean)
    .join(", ");
}

export function OperationCard({ method, path, op }: { method: string; path: string; op: OpenApiOperation }) {
  const params = op.parameters as Param[];
  // A JSON body has a schema; a file sent as the body (text/html, application/x-ndjson…) only a description.
  const requestContent: Record<string, { schema: { description?: string } }> = op.requestBody?.content ?? {};
  const { "application/json": jsonBody, ...requestFiles } = requestContent;
  const body = Object.keys(requestFiles).length === 0 ? (jsonBody?.schema ?? null) : null;
  const bodyFiles = body ? [] : Object.entries(requestContent);
  const responses = Object.entries(op.responses as Record<string, { description: string; content?: Record<string, { schema: { description?: string } }> }>);
  // The success response comes first (operationResponses writes it first; it has the lowest status).
  const success = responses[0];
  if (!success) throw new Error(`${method.toUpperCase()} ${path}: the OpenAPI operation documents no response`);
  const [okStatus, ok] = success;
  const { "application/json": okJson, ...files } = ok.content ?? {};
  const auth = op.security.length === 0 ? "public" : op.security.some((s) => "bearerAuth" in s) ? "API token or browser session" : "browser session only";
  return (
    <article className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="api-operation" id={op.operationId}>
      <h3 className="flex flex-wrap items-baseline gap-2">
        <span className={clsx("rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase", METHOD_STYLES[method])}>{method}</span>
        <code className="break-all text-sm font-medium">{path}</code>
      </h3>
      <p className="text-sm">{op.summary}</p>
      {"description" in op && op.description && <p className="whitespace-pre-line text-sm text-slate-600">{op.description}</p>}
      <p className="text-xs text-slate-500">Auth: {auth}</p>
      {params.length > 0 && (
        <table className="w-full text-left text-xs">
          <caption className="sr-only">Parameters</caption>
          <thead className="text-slate-500">
            <tr>
              <th className="pr-3 font-medium">Parameter</th>
              <th className="pr-3 font-medium">In</th>
              <th className="pr-3 font-medium">Type</th>
              <th className="font-medium">Notes</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="align-top">
                <td className="pr-3 font-mono">
                  {p.name}
                  {p.required && (
                    <span className="text-red-700" title="required">
                      *
                    </span>
                  )}
                </td>
                <td className="pr-3">{p.in}</td>
                <td className="pr-3">{typeOf(p.schema)}</td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {body && <JsonDetails label="Request body (application/json)" value={body} />}
      {bodyFiles.length > 0 && (
        <div className="text-xs">
          <p className="text-slate-500">Request body: the file, sent as is</p>
          <ul className="list-disc pl-5">
            {bodyFiles.map(([type, { schema }]) => (
              <li key={type}>
                <code>{type}</code>: {schema.description}
              </li>
            ))}
          </ul>
        </div>
      )}
      {okJson && <JsonDetails label={`Response ${okStatus}`} value={okJson.schema} />}
      {Object.keys(files).length > 0 && (
        <div className="text-xs">
          <p className="text-slate-500">
            Response {okStatus}: {ok.description}
          </p>
          <ul className="list-disc pl-5">
            {Object.entries(files).map(([type, { schema }]) => (
              <li key={type}>
                <code>{type}</code>: {schema.description}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-xs text-slate-500">
        Errors:{" "}
        {responses.slice(1).map(([status, r]) => (
          <span key={status} title={r.description} className="mr-2">
            {status}
          </span>
        ))}
      </p>
    </article>
  );
}
