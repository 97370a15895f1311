import { LocaleSwitch } from "@/components/i18n/locale-switch";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-1 flex items-center justify-between gap-2">
          <p className="text-xs font-semibold uppercase tracking-wider text-blue-700">Claimboard</p>
          <LocaleSwitch />
        </div>
        {children}
      </div>
    </main>
  );
}
