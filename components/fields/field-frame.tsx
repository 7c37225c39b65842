import type { ReactNode } from "react";

const labelClass = "block text-xs font-medium text-slate-500";

/** The inline message next to a field whose value was refused. */
export function FieldMessage({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-xs font-medium text-red-700">
      {message}
    </p>
  );
}

/**
 * The frame every inline field draws: its label around the control, then the message when a value
 * was refused. Read-only, the label stands over the value (a label must name a control). With
 * `hideLabel` the control names itself (aria-label) because the layout around it already says what it is.
 */
export function FieldFrame({
  label,
  hideLabel,
  readOnly,
  className,
  messageId,
  message = null,
  children,
}: {
  label: string;
  hideLabel?: boolean;
  readOnly?: boolean;
  className?: string;
  messageId?: string;
  message?: string | null;
  children: ReactNode;
}) {
  if (readOnly) {
    return (
      <div className={className}>
        {!hideLabel && <span className={labelClass}>{label}</span>}
        {children}
      </div>
    );
  }
  return (
    <div className={className}>
      {hideLabel ? (
        children
      ) : (
        <label className={labelClass}>
          {label}
          {children}
        </label>
      )}
      {messageId && <FieldMessage id={messageId} message={message} />}
    </div>
  );
}
