import Link from "next/link";
import type { ComponentProps, ComponentPropsWithRef } from "react";

export type ButtonVariant =
  "primary" | "secondary" | "success" | "danger" | "ghost" | "ghost-accent" | "ghost-danger" | "remove";
export type ButtonSize = "tiny" | "xs" | "sm" | "md" | "lg" | "xl";
type Look = { variant?: ButtonVariant; size?: ButtonSize };

const base =
  "inline-flex items-center justify-center gap-1 rounded-md font-medium disabled:opacity-50 aria-disabled:opacity-50";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-700",
  secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
  // Approving a plan.
  success: "bg-emerald-700 text-white hover:bg-emerald-800",
  danger: "bg-red-600 text-white hover:bg-red-700",
  ghost: "text-slate-700 hover:bg-slate-100",
  "ghost-accent": "text-indigo-700 hover:bg-indigo-50",
  "ghost-danger": "text-red-700 hover:bg-red-50",
  // Removing one row of many: quiet until pointed at, yet readable on tinted rows and headers.
  remove: "text-slate-600 hover:bg-slate-100 hover:text-red-700",
};

const sizes: Record<ButtonSize, string> = {
  // Inside grid rows, whose height is fixed.
  tiny: "px-1 text-xs",
  xs: "px-2 py-0.5 text-xs",
  sm: "px-2.5 py-1 text-xs",
  md: "px-3 py-1.5 text-sm",
  lg: "px-3 py-2 text-sm",
  xl: "px-4 py-2",
};

/** The classes of a button of this look; `className` adds placement (margins, width). */
export function buttonClass({ variant = "secondary", size = "md", className }: Look & { className?: string } = {}) {
  return [base, variants[variant], sizes[size], className].filter(Boolean).join(" ");
}

/** A `<button>` (type "button" unless told otherwise); every other prop, the ref included, goes to it. */
export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentPropsWithRef<"button"> & Look) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

/** A link to a page of the app that looks like a button. */
export function ButtonLink({ variant, size, className, ...props }: ComponentProps<typeof Link> & Look) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}

/** A plain `<a>` that looks like a button: downloads and routes that are not pages. */
export function ButtonAnchor({ variant, size, className, ...props }: ComponentPropsWithRef<"a"> & Look) {
  return <a className={buttonClass({ variant, size, className })} {...props} />;
}
