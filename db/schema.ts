import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
} from "drizzle-orm/pg-core";
import type { BuildExtraConfigColumns } from "drizzle-orm";

export const workspaceRole = pgEnum("workspace_role", ["owner", "admin", "member"]);
export const planStatus = pgEnum("plan_status", ["draft", "in_review", "approved", "active", "done"]);
export const planPriority = pgEnum("plan_priority", ["low", "medium", "high", "critical"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Always stored lower-cased; unique. */
    email: text("email").notNull(),
    /** argon2id PHC string; null for accounts that only sign in through OAuth. */
    passwordHash: text("password_hash"),
    image: text("image"),
    createdAt: createdAt(),
    /** When the person proved the address is theirs (a verification link, or an OAuth provider); null until then. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** Carried in every session cookie; raising it (a password reset) ends every session issued before. */
    sessionVersion: integer("session_version").notNull().default(0),
    /** Whether the person wants the daily mail of tasks due tomorrow or overdue. */
    emailDigest: boolean("email_digest").notNull().default(true),
    /** The UTC day the last digest went out, so each day's is sent once across instances. */
    digestSentOn: date("digest_sent_on", { mode: "string" }),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: workspaceRole("role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/** A pending invitation; turned into a membership when someone signs up (or in) with that email. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: workspaceRole("role").notNull().default("member"),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_workspace_email_key").on(t.workspaceId, t.email),
    index("invitations_email_idx").on(t.email),
  ],
);

export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** One-paragraph purpose of the plan: the "why" an outsider reads first. */
    summary: text("summary").notNull().default(""),
    status: planStatus("status").notNull().default("draft"),
    priority: planPriority("priority").notNull().default("medium"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (t) => [index("plans_workspace_idx").on(t.workspaceId)],
);

/** Personal API tokens. Only a SHA-256 digest of the secret is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** First characters of the token, shown so people can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** A workspace member's role on one plan, when it differs from the default (members edit). */
export const planMemberRole = pgEnum("plan_member_role", ["editor", "viewer"]);

export const planMembers = pgTable(
  "plan_members",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: planMemberRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.userId] })],
);

/** Read-only links to one plan. Only a SHA-256 digest of the token is kept. */
export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    label: text("label").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    viewCount: integer("view_count").notNull().default(0),
    /** When its creator was told the link is about to expire. */
    expiryNoticeSentAt: timestamp("expiry_notice_sent_at", { withTimezone: true }),
    /** Whoever holds the link may leave questions and comments (with a name, rate-limited). */
    allowFeedback: boolean("allow_feedback").notNull().default(false),
    /** Whoever holds the link may download the plan as PDF and Markdown. */
    allowDownloads: boolean("allow_downloads").notNull().default(false),
  },
  (t) => [uniqueIndex("share_links_token_hash_key").on(t.tokenHash), index("share_links_plan_idx").on(t.planId)],
);

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type WorkspaceRole = (typeof workspaceRole.enumValues)[number];
export type PlanStatus = (typeof planStatus.enumValues)[number];
export type PlanMemberRole = (typeof planMemberRole.enumValues)[number];

// ── Live collaboration: the plan document's durable store and its relational projection ──

/** Raw bytes; postgres.js hands back a Buffer and PGlite a Uint8Array, both are Uint8Arrays. */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => value,
});

/** Append-only log of Yjs updates per plan: the authoritative content until compacted into a snapshot. */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    data: bytes("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("collab_updates_plan_idx").on(t.planId, t.id)],
);

/** The compacted state of a plan's document; the log holds only what came after it. */
export const collabSnapshots = pgTable("collab_snapshots", {
  planId: uuid("plan_id")
    .primaryKey()
    .references(() => plans.id, { onDelete: "cascade" }),
  data: bytes("data").notNull(),
  /** How many log rows have been folded into this snapshot over its life (for operators). */
  mergedUpdates: bigint("merged_updates", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Per-plan state of the projection: which document schema it was read with and what was skipped. */
export const planProjections = pgTable("plan_projections", {
  planId: uuid("plan_id")
    .primaryKey()
    .references(() => plans.id, { onDelete: "cascade" }),
  schemaVersion: integer("schema_version").notNull(),
  taskCount: integer("task_count").notNull().default(0),
  /** Rows that failed validation: [{ section, id, error }]. */
  invalidRows: jsonb("invalid_rows").$type<{ section: string; id: string; error: string }[]>().notNull().default([]),
  /** Long-form texts and plan settings of the document, as last projected. */
  strategy: text("strategy").notNull().default(""),
  scopeText: text("scope_text").notNull().default(""),
  settings: jsonb("settings").$type<Record<string, unknown>>(),
  /** Completeness score 0–100 and duration-weighted % complete, for plan lists. */
  completeness: integer("completeness"),
  percentComplete: integer("percent_complete"),
  projectedAt: timestamp("projected_at", { withTimezone: true }).notNull().defaultNow(),
});

const planRef = () =>
  uuid("plan_id")
    .notNull()
    .references(() => plans.id, { onDelete: "cascade" });
const sortOrder = () => doublePrecision("sort_order").notNull().default(0);
const rowKey = () => ({ planId: planRef(), id: uuid("id").notNull() });

/**
 * The projection table of one plan collection: the plan and the row's id as its key, then the
 * collection's own columns, and any indexes it needs for cross-plan queries.
 */
function rowTable<N extends string, C extends Record<string, PgColumnBuilderBase>>(
  name: N,
  columns: C,
  indexes: (t: BuildExtraConfigColumns<N, ReturnType<typeof rowKey> & C, "pg">) => PgTableExtraConfigValue[] = () => [],
) {
  return pgTable(name, { ...rowKey(), ...columns }, (t) => [primaryKey({ columns: [t.planId, t.id] }), ...indexes(t)]);
}

/** Tasks of the Schedule section, projected from the document (docs/collab-schema.md). */
export const planTasks = rowTable(
  "plan_tasks",
  {
    name: text("name").notNull(),
    start: date("start_date", { mode: "string" }),
    end: date("end_date", { mode: "string" }),
    progress: integer("progress").notNull().default(0),
    kind: text("kind").$type<"task" | "milestone" | "buffer">().notNull().default("task"),
    parentId: text("parent_id"),
    deliverableId: text("deliverable_id"),
    /** A resource id (usually) or a workspace member's user id; not a foreign key, the document may name either. */
    assigneeId: text("assignee_id"),
    priority: text("priority").$type<"low" | "medium" | "high" | "critical">().notNull().default("medium"),
    order: doublePrecision("sort_order").notNull().default(0),
  },
  (t) => [index("plan_tasks_assignee_idx").on(t.assigneeId), index("plan_tasks_dates_idx").on(t.start, t.end)],
);

// Every other section of the document, projected the same way (one transaction per plan).
// References between rows are text, not foreign keys: the document is the source of truth and
// may name rows that another person deleted a moment ago.

export const planObjectives = rowTable("plan_objectives", {
  title: text("title").notNull(),
  description: text("description").notNull(),
  metric: text("metric").notNull(),
  baseline: doublePrecision("baseline"),
  target: doublePrecision("target"),
  current: doublePrecision("current_value"),
  unit: text("unit").notNull(),
  due: date("due_date", { mode: "string" }),
  order: sortOrder(),
});

export const planScopeItems = rowTable("plan_scope_items", {
  kind: text("kind").notNull(),
  text: text("text").notNull(),
  order: sortOrder(),
});

export const planDeliverables = rowTable("plan_deliverables", {
  name: text("name").notNull(),
  description: text("description").notNull(),
  ownerId: text("owner_id"),
  due: date("due_date", { mode: "string" }),
  acceptanceCriteria: text("acceptance_criteria").notNull(),
  status: text("status").notNull(),
  order: sortOrder(),
});

export const planStakeholders = rowTable("plan_stakeholders", {
  name: text("name").notNull(),
  role: text("role").notNull(),
  interest: integer("interest").notNull(),
  influence: integer("influence").notNull(),
  deliverableIds: jsonb("deliverable_ids").$type<string[]>().notNull(),
  channel: text("channel").notNull(),
  frequency: text("frequency"),
  ownerId: text("owner_id"),
  order: sortOrder(),
});

export const planResearchEntries = rowTable("plan_research_entries", {
  kind: text("kind").notNull(),
  title: text("title").notNull(),
  date: date("entry_date", { mode: "string" }),
  participants: text("participants").notNull(),
  findings: text("findings").notNull(),
  linkedIds: jsonb("linked_ids").$type<string[]>().notNull(),
  order: sortOrder(),
});

export const planDependencies = rowTable("plan_dependencies", {
  from: text("from_task").notNull(),
  to: text("to_task").notNull(),
  type: text("type").notNull(),
  lag: integer("lag").notNull(),
});

export const planRisks = rowTable(
  "plan_risks",
  {
    title: text("title").notNull(),
    description: text("description").notNull(),
    category: text("category").notNull(),
    ownerId: text("owner_id"),
    likelihood: integer("likelihood").notNull(),
    impact: integer("impact").notNull(),
    /** likelihood × impact, stored for cross-plan queries ("all high risks"). */
    score: integer("score").notNull(),
    trigger: text("trigger").notNull(),
    mitigation: text("mitigation").notNull(),
    contingency: text("contingency").notNull(),
    status: text("status").notNull(),
    linkedTaskIds: jsonb("linked_task_ids").$type<string[]>().notNull(),
    reviewDate: date("review_date", { mode: "string" }),
  },
  (t) => [index("plan_risks_score_idx").on(t.score)],
);

export const planSwotItems = rowTable("plan_swot_items", {
  quadrant: text("quadrant").notNull(),
  text: text("text").notNull(),
  order: sortOrder(),
});

export const planRaciColumns = rowTable("plan_raci_columns", {
  kind: text("kind").notNull(),
  userId: text("user_id"),
  name: text("name").notNull(),
  order: sortOrder(),
});

export const planRaciCells = pgTable(
  "plan_raci_cells",
  {
    planId: planRef(),
    rowId: text("row_id").notNull(),
    columnId: text("column_id").notNull(),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.rowId, t.columnId] })],
);

export const planResources = rowTable("plan_resources", {
  kind: text("kind").notNull(),
  name: text("name").notNull(),
  role: text("role").notNull(),
  userId: text("user_id"),
  allocation: doublePrecision("allocation").notNull(),
  notes: text("notes").notNull(),
  order: sortOrder(),
  capacityHoursPerWeek: doublePrecision("capacity_hours_per_week").notNull().default(40),
  absences: jsonb("absences").$type<{ start: string; end: string; note: string }[]>().notNull().default([]),
});

export const planResourceRequests = rowTable("plan_resource_requests", {
  what: text("what").notNull(),
  why: text("why").notNull(),
  estimatedCost: numeric("estimated_cost", { precision: 16, scale: 2, mode: "number" }).notNull(),
  status: text("status").notNull(),
  order: sortOrder(),
});

export const planBudgetLines = rowTable("plan_budget_lines", {
  category: text("category").notNull(),
  description: text("description").notNull(),
  planned: numeric("planned", { precision: 16, scale: 2, mode: "number" }).notNull(),
  actual: numeric("actual", { precision: 16, scale: 2, mode: "number" }).notNull(),
  currency: text("currency").notNull(),
  order: sortOrder(),
});

export const planHolidays = rowTable("plan_holidays", {
  date: date("date", { mode: "string" }).notNull(),
  name: text("name").notNull(),
});

export const planBaselines = rowTable("plan_baselines", {
  name: text("name").notNull(),
  savedAt: text("saved_at").notNull(),
  tasks: jsonb("tasks").$type<{ id: string; start: string | null; end: string | null }[]>().notNull(),
});

// ── Review and conversation: sign-off, activity, comments, announcements, inbox ──

export const signoffDecision = pgEnum("signoff_decision", ["approved", "changes_requested"]);

/** People named on a plan whose sign-off it needs before it is approved. */
export const planApprovers = pgTable(
  "plan_approvers",
  {
    planId: planRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.userId] })],
);

/** Each approver's decision, with a comment; the latest per approver counts. */
export const planSignoffs = pgTable(
  "plan_signoffs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: planRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    decision: signoffDecision("decision").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("plan_signoffs_plan_idx").on(t.planId, t.createdAt)],
);

/** The moment a plan became approved: its frozen baseline and a fingerprint of each section. */
export const planApprovals = pgTable(
  "plan_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: planRef(),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
    /** Baseline row id saved into the document at approval. */
    baselineId: text("baseline_id"),
    /** section id → digest of that section's content when approved. */
    sectionDigests: jsonb("section_digests").$type<Record<string, string>>().notNull(),
  },
  (t) => [index("plan_approvals_plan_idx").on(t.planId, t.approvedAt)],
);

/** People whose sign-off one named part of a plan needs (lib/plan/parts.ts), apart from the whole plan's. */
export const planPartApprovers = pgTable(
  "plan_part_approvers",
  {
    planId: planRef(),
    part: text("part").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.part, t.userId] })],
);

/** A decision on one part; the latest per approver and part counts. */
export const planPartSignoffs = pgTable(
  "plan_part_signoffs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: planRef(),
    part: text("part").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    decision: signoffDecision("decision").notNull(),
    comment: text("comment").notNull().default(""),
    /** On an approval: sha256 of the part's content as approved (lib/plan/part-fingerprint.ts). */
    fingerprint: text("fingerprint"),
    createdAt: createdAt(),
  },
  (t) => [index("plan_part_signoffs_plan_idx").on(t.planId, t.part, t.createdAt)],
);

/** The latest request to sign off one part: who asked (their decisions' notices go to them) and when. */
export const planPartRequests = pgTable(
  "plan_part_requests",
  {
    planId: planRef(),
    part: text("part").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.part] })],
);

/** Who changed which sections of a plan's document, and when (one row per person per minute). */
export const planActivity = pgTable(
  "plan_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    planId: planRef(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    sections: jsonb("sections").$type<string[]>().notNull(),
    edits: integer("edits").notNull().default(1),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_activity_plan_idx").on(t.planId, t.at)],
);

/** A comment on a section or on one row (task, deliverable, risk…) of a plan. */
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: planRef(),
    /** Section id from the plan template. */
    section: text("section").notNull(),
    /** Row kind and id when the comment is about one row; null for the section as a whole. */
    targetType: text("target_type"),
    targetId: text("target_id"),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comments_plan_idx").on(t.planId, t.section)],
);

/** A question or comment left through a share link that allows feedback, by a reader with no account. */
export const shareFeedback = pgTable(
  "share_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: planRef(),
    linkId: uuid("link_id")
      .notNull()
      .references(() => shareLinks.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    kind: text("kind").$type<"question" | "comment">().notNull(),
    /** The name the reader gave; not verified. */
    name: text("name").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    reply: text("reply"),
    repliedBy: uuid("replied_by").references(() => users.id, { onDelete: "set null" }),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("share_feedback_plan_idx").on(t.planId, t.createdAt), index("share_feedback_link_idx").on(t.linkId)],
);

/** A status update posted by a plan's owners to everyone following it. */
export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: planRef(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("announcements_plan_idx").on(t.planId, t.createdAt)],
);

export const notificationKind = pgEnum("notification_kind", ["mention", "announcement", "signoff_request", "signoff"]);

/** One item in a person's inbox. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    planId: planRef(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    announcementId: uuid("announcement_id").references(() => announcements.id, { onDelete: "cascade" }),
    /** A short line shown in the inbox ("Dana mentioned you in Risks"). */
    summary: text("summary").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

/**
 * Responses to POSTs sent with an Idempotency-Key, kept 24 hours: a retry with the same key and
 * body gets the stored answer, with another body a refusal. Keyed by who asked, so keys never collide
 * across people.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: what the key was first used for. */
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: jsonb("body").$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

/** A workspace's webhook: where to send which events, and the secret they are signed with. */
export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    events: jsonb("events").$type<string[]>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("webhooks_workspace_idx").on(t.workspaceId)],
);

/**
 * One event for one webhook: the queue the delivery worker claims from (FOR UPDATE SKIP LOCKED)
 * and, once sent or given up, the delivery log.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** pending → delivered | failed (after the last attempt). */
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    responseStatus: integer("response_status"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_queue_idx").on(t.state, t.nextAttemptAt),
    index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt),
  ],
);

// ── Mail: the outbox, and the single-use links sent by mail ──

/**
 * Mail waiting to be sent (and, once sent, kept for a while as a record). A row is claimed by pushing
 * `next_attempt_at` past the send's timeout, so two workers never send the same row at once.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** Which template wrote it (invitation, password_reset, …), for the log and operators. */
    kind: text("kind").notNull(),
    createdAt: createdAt(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (t) => [
    index("mail_outbox_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

export const userTokenPurpose = pgEnum("user_token_purpose", ["password_reset", "email_verification"]);

/** Single-use links sent by mail. Only a SHA-256 digest of the token is kept. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: userTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_tokens_hash_key").on(t.tokenHash), index("user_tokens_user_idx").on(t.userId)],
);

/** Task assignments already announced by mail, so each (task, person) pair is mailed once. */
export const taskAssignmentNotices = pgTable(
  "task_assignment_notices",
  {
    planId: planRef(),
    taskId: uuid("task_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.taskId, t.userId] })],
);
