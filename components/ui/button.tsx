import { clsx } from "clsx";
import { forwardRef, type ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";
const styles: Record<Variant, string> = {
  // Disabled looks disabled: muted colours, no hover change, a not-allowed cursor.
  primary: "bg-slate-900 text-white hover:bg-slate-700 disabled:bg-slate-400 disabled:hover:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 disabled:border-slate-200 disabled:text-slate-400 disabled:hover:bg-white",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-400 disabled:hover:bg-transparent",
  danger: "bg-red-700 text-white hover:bg-red-600 disabled:bg-red-300 disabled:hover:bg-red-300",
};

export const Button = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" }>(function Button(
  { variant = "primary", size = "md", className, type = "button", ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={clsx(
        "inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-100",
        size === "sm" ? "px-2.5 py-1 text-sm" : "px-4 py-2 text-sm",
        styles[variant],
        className,
      )}
      {...props}
    />
  );
});
