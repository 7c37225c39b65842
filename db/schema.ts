import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const workspaceRole = pgEnum("workspace_role", ["owner", "admin", "member"]);
export const planStatus = pgEnum("plan_status", ["draft", "in_review", "approved", "active", "done"]);

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
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const oauthAccounts = pgTable(
  "oauth_accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
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
  (t) => [uniqueIndex("invitations_workspace_email_key").on(t.workspaceId, t.email), index("invitations_email_idx").on(t.email)],
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
  },
  (t) => [uniqueIndex("share_links_token_hash_key").on(t.tokenHash), index("share_links_plan_idx").on(t.planId)],
);

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type WorkspaceRole = (typeof workspaceRole.enumValues)[number];
export type PlanStatus = (typeof planStatus.enumValues)[number];
export type PlanMemberRole = (typeof planMemberRole.enumValues)[number];
export type ShareLink = typeof shareLinks.$inferSelect;

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
  projectedAt: timestamp("projected_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Tasks of the Schedule section, projected from the document (docs/collab-schema.md). */
export const planTasks = pgTable(
  "plan_tasks",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    start: date("start_date", { mode: "string" }),
    end: date("end_date", { mode: "string" }),
    progress: integer("progress").notNull().default(0),
    kind: text("kind").$type<"task" | "milestone" | "buffer">().notNull().default("task"),
    parentId: uuid("parent_id"),
    deliverableId: uuid("deliverable_id"),
    /** A workspace member's user id or a resource id; not a foreign key, the document may name either. */
    assigneeId: uuid("assignee_id"),
    order: doublePrecision("sort_order").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.id] }),
    index("plan_tasks_assignee_idx").on(t.assigneeId),
    index("plan_tasks_dates_idx").on(t.start, t.end),
  ],
);

export type PlanTaskRow = typeof planTasks.$inferSelect;
