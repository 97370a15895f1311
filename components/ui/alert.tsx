import { clsx } from "clsx";

export function Alert({
  tone = "error",
  children,
  className,
  ...rest
}: {
  tone?: "error" | "info" | "success" | "warning";
  children: React.ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  const styles = {
    error: "border-red-300 bg-red-50 text-red-900",
    info: "border-blue-300 bg-blue-50 text-blue-900",
    success: "border-green-300 bg-green-50 text-green-900",
    warning: "border-amber-300 bg-amber-50 text-amber-900",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={clsx("rounded-md border px-3 py-2 text-sm", styles, className)} {...rest}>
      {children}
    </div>
  );
}
