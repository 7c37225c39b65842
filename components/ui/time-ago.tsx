import { formatDistanceToNowStrict } from "date-fns";

/** A relative time with the exact moment in a tooltip and machine-readable attribute. */
export function TimeAgo({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {formatDistanceToNowStrict(date, { addSuffix: true })}
    </time>
  );
}
