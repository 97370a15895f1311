"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { updateReviewSettingsAction } from "@/lib/actions/review";
import { Alert } from "@/components/ui/alert";

type Settings = { countApprovedOnly: boolean; allowSelfApproval: boolean };

const SWITCH_KEYS: (keyof Settings)[] = ["countApprovedOnly", "allowSelfApproval"];

/** The workspace's two review switches; owners change them, everyone sees them. */
export function ReviewSettingsPanel({ workspaceId, settings, canManage }: { workspaceId: string; settings: Settings; canManage: boolean }) {
  const router = useRouter();
  const t = useTranslations("review");
  const switches = SWITCH_KEYS.map((key) => ({ key, label: t(`switch.${key}.label`), description: t(`switch.${key}.description`) }));
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
    setMessage({ ok: true, text: t("switched", { label: t(`switch.${key}.label`), state: res.data[key] ? t("on") : t("off") }) });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {switches.map((s) => (
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
              <span id={`${id}-${s.key}`}>{s.label}</span> <span className="font-normal text-slate-500">({state[s.key] ? t("on") : t("off")})</span>
            </p>
            <p id={`${id}-${s.key}-d`} className="text-slate-600">
              {s.description}
            </p>
          </div>
        </div>
      ))}
      {!canManage && <p className="text-xs text-slate-500">{t("ownersOnly")}</p>}
      {message && <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert>}
    </div>
  );
}
