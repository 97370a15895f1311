"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { updateReviewSettingsAction } from "@/lib/actions/review";
import { Alert } from "@/components/ui/alert";

type Settings = { countApprovedOnly: boolean; allowSelfApproval: boolean };

const SWITCHES: { key: keyof Settings; label: string; description: string }[] = [
  {
    key: "countApprovedOnly",
    label: "Count approved claims only",
    description:
      "Verdicts on propositions, the comparison, reports and exports count only approved claims; drafts, submitted and rejected ones are listed but not counted. Off: every claim counts.",
  },
  {
    key: "allowSelfApproval",
    label: "Allow self-approval",
    description: "A reviewer may approve a claim they wrote. Off: another reviewer must approve it.",
  },
];

/** The workspace's two review switches; owners change them, everyone sees them. */
export function ReviewSettingsPanel({ workspaceId, settings, canManage }: { workspaceId: string; settings: Settings; canManage: boolean }) {
  const router = useRouter();
  const id = useId();
  const [state, setState] = useState(settings);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function flip(key: keyof Settings) {
    setBusy(true);
    const res = await updateReviewSettingsAction(workspaceId, { [key]: !state[key] });
    setBusy(false);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    setState(res.data);
    const s = SWITCHES.find((x) => x.key === key);
    setMessage({ ok: true, text: `${s?.label}: ${res.data[key] ? "on" : "off"}` });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {SWITCHES.map((s) => (
        <div key={s.key} className="flex items-start gap-3">
          <button
            type="button"
            role="switch"
            aria-checked={state[s.key]}
            aria-labelledby={`${id}-${s.key}`}
            aria-describedby={`${id}-${s.key}-d`}
            disabled={!canManage || busy}
            onClick={() => void flip(s.key)}
            className={`relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60 ${state[s.key] ? "bg-emerald-600" : "bg-slate-300"}`}
          >
            <span className={`inline-block h-4 w-4 rounded-full bg-white shadow transition-transform ${state[s.key] ? "translate-x-4" : "translate-x-0.5"}`} />
          </button>
          <div className="text-sm">
            <p className="font-medium">
              <span id={`${id}-${s.key}`}>{s.label}</span> <span className="font-normal text-slate-500">({state[s.key] ? "on" : "off"})</span>
            </p>
            <p id={`${id}-${s.key}-d`} className="text-slate-600">
              {s.description}
            </p>
          </div>
        </div>
      ))}
      {!canManage && <p className="text-xs text-slate-500">Only owners change these.</p>}
      {message && <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert>}
    </div>
  );
}
