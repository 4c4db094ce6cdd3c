/// The team store's tables in the `grappe` schema, as named migrations recorded in
/// `grappe.migrations`. They mirror the SQLite store's (docs/store.md) with a `workspace` column in
/// every key, so one database holds a workspace per network; journal numbers count within a workspace,
/// as they do in a file. Migrations run in one transaction under
/// an advisory lock, so several clients starting together apply each exactly once; they are only ever
/// added, never edited.
enum PostgresSchema {
    /// The tables that mirror parts of a record's body, emptied and refilled with it.
    static let recordChildren = ["record_parties", "record_places", "mission_outcomes", "mission_objectives"]
    /// Every table of a workspace, children before what they refer to.
    static let workspaceTables = recordChildren + ["records", "entities", "journal_items", "journal", "drafts"]

    /// The advisory lock key that serialises migrations ("Grpp" as a number).
    static let migrationLock: Int64 = 0x4772_7070

    static let migrations: [(name: String, statements: [String])] = [
        ("v1 workspaces, missions, journal and drafts", [
            """
            CREATE TABLE grappe.records (
                workspace text NOT NULL,
                id text NOT NULL,
                ord bigserial NOT NULL,
                kind text NOT NULL CHECK (kind IN ('agreement', 'mission', 'project', 'event')),
                title text NOT NULL,
                status text,
                start text,
                "end" text,
                budget_cents bigint,
                budget_currency text,
                version integer NOT NULL CHECK (version > 0),
                created_at text NOT NULL,
                created_by text NOT NULL,
                updated_at text NOT NULL,
                updated_by text NOT NULL,
                body text NOT NULL CHECK (body::jsonb IS NOT NULL),
                PRIMARY KEY (workspace, id)
            )
            """,
            """
            CREATE TABLE grappe.record_parties (
                workspace text NOT NULL,
                record_id text NOT NULL,
                position integer NOT NULL,
                entity_id text NOT NULL,
                role text NOT NULL,
                title text,
                attendance text,
                PRIMARY KEY (workspace, record_id, position),
                FOREIGN KEY (workspace, record_id) REFERENCES grappe.records (workspace, id) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX record_parties_by_entity ON grappe.record_parties (workspace, entity_id)",
            """
            CREATE TABLE grappe.record_places (
                workspace text NOT NULL,
                record_id text NOT NULL,
                position integer NOT NULL,
                city_id text NOT NULL,
                is_origin boolean NOT NULL,
                PRIMARY KEY (workspace, record_id, position),
                FOREIGN KEY (workspace, record_id) REFERENCES grappe.records (workspace, id) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE grappe.mission_outcomes (
                workspace text NOT NULL,
                record_id text NOT NULL,
                position integer NOT NULL,
                agreement_id text,
                partner_id text,
                text text,
                PRIMARY KEY (workspace, record_id, position),
                FOREIGN KEY (workspace, record_id) REFERENCES grappe.records (workspace, id) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE grappe.mission_objectives (
                workspace text NOT NULL,
                record_id text NOT NULL,
                position integer NOT NULL,
                text text NOT NULL,
                PRIMARY KEY (workspace, record_id, position),
                FOREIGN KEY (workspace, record_id) REFERENCES grappe.records (workspace, id) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE grappe.entities (
                workspace text NOT NULL,
                id text NOT NULL,
                ord bigserial NOT NULL,
                kind text NOT NULL CHECK (kind IN ('city', 'cluster', 'pole', 'organisation', 'person')),
                name text NOT NULL,
                recorded_with text,
                version integer NOT NULL CHECK (version > 0),
                created_at text NOT NULL,
                created_by text NOT NULL,
                updated_at text NOT NULL,
                updated_by text NOT NULL,
                body text NOT NULL CHECK (body::jsonb IS NOT NULL),
                PRIMARY KEY (workspace, id)
            )
            """,
            """
            CREATE TABLE grappe.journal (
                workspace text NOT NULL,
                seq bigint NOT NULL CHECK (seq > 0),
                at text NOT NULL,
                author text NOT NULL,
                action text NOT NULL CHECK (action IN ('add', 'edit', 'cancel', 'undo')),
                summary text NOT NULL,
                undoes bigint,
                PRIMARY KEY (workspace, seq),
                UNIQUE (workspace, undoes),
                FOREIGN KEY (workspace, undoes) REFERENCES grappe.journal (workspace, seq)
            )
            """,
            """
            CREATE TABLE grappe.journal_items (
                workspace text NOT NULL,
                seq bigint NOT NULL,
                position integer NOT NULL,
                object_kind text NOT NULL CHECK (object_kind IN ('record', 'entity')),
                object_id text NOT NULL,
                before text CHECK (before IS NULL OR before::jsonb IS NOT NULL),
                after text CHECK (after IS NULL OR after::jsonb IS NOT NULL),
                version_before integer NOT NULL,
                version_after integer NOT NULL,
                PRIMARY KEY (workspace, seq, position),
                FOREIGN KEY (workspace, seq) REFERENCES grappe.journal (workspace, seq)
            )
            """,
            "CREATE INDEX journal_items_by_object ON grappe.journal_items (workspace, object_id)",
            """
            CREATE TABLE grappe.drafts (
                workspace text NOT NULL,
                key text NOT NULL,
                updated_at text NOT NULL,
                body text NOT NULL CHECK (body::jsonb IS NOT NULL),
                PRIMARY KEY (workspace, key)
            )
            """,
        ]),
        ("v2 budgets in each currency's minor units", [
            """
            DO $check$
            DECLARE blocked record;
            BEGIN
                SELECT workspace, id, budget_cents, budget_currency INTO blocked FROM grappe.records
                WHERE budget_currency IN ('JPY', 'XOF') AND budget_cents % 100 <> 0 ORDER BY workspace, id LIMIT 1;
                IF FOUND THEN
                    RAISE EXCEPTION 'record % (workspace %) has a budget of % hundredths of %, which has no minor unit; correct it to a whole amount with the Grappe that wrote it',
                        blocked.id, blocked.workspace, blocked.budget_cents, blocked.budget_currency;
                END IF;
            END
            $check$
            """,
            "UPDATE grappe.records SET budget_cents = CASE budget_currency WHEN 'TND' THEN budget_cents * 10 ELSE budget_cents / 100 END "
                + "WHERE budget_currency IN ('JPY', 'XOF', 'TND') AND budget_cents IS NOT NULL",
        ]),
        // A save was a dozen statements, each parsed and planned by the server; these two functions do
        // the same writes in one call each, with plans the server keeps for the session. They store
        // only: versions, stale edits and undo stay the journal's rules, in Grappe (JournaledStore).
        ("v3 one call per record and per journal entry", [
            """
            CREATE FUNCTION grappe.put_record(p_workspace text, p_id text, p_kind text, p_title text, p_status text, p_start text,
                                              p_end text, p_budget_cents bigint, p_budget_currency text, p_version integer,
                                              p_at text, p_author text, p_body text, p_parties text, p_places text,
                                              p_outcomes text, p_objectives text)
            RETURNS void LANGUAGE plpgsql AS $put$
            BEGIN
                INSERT INTO grappe.records (workspace, id, kind, title, status, start, "end", budget_cents, budget_currency, version,
                                            created_at, created_by, updated_at, updated_by, body)
                VALUES (p_workspace, p_id, p_kind, p_title, p_status, p_start, p_end, p_budget_cents, p_budget_currency, p_version,
                        p_at, p_author, p_at, p_author, p_body)
                ON CONFLICT (workspace, id) DO UPDATE SET kind = excluded.kind, title = excluded.title, status = excluded.status,
                    start = excluded.start, "end" = excluded."end", budget_cents = excluded.budget_cents,
                    budget_currency = excluded.budget_currency, version = excluded.version, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by, body = excluded.body;
                DELETE FROM grappe.record_parties WHERE workspace = p_workspace AND record_id = p_id;
                DELETE FROM grappe.record_places WHERE workspace = p_workspace AND record_id = p_id;
                DELETE FROM grappe.mission_outcomes WHERE workspace = p_workspace AND record_id = p_id;
                DELETE FROM grappe.mission_objectives WHERE workspace = p_workspace AND record_id = p_id;
                INSERT INTO grappe.record_parties (workspace, record_id, position, entity_id, role, title, attendance)
                SELECT p_workspace, p_id, r.position, r.entity_id, r.role, r.title, r.attendance
                FROM jsonb_to_recordset(p_parties::jsonb) AS r(position integer, entity_id text, role text, title text, attendance text);
                INSERT INTO grappe.record_places (workspace, record_id, position, city_id, is_origin)
                SELECT p_workspace, p_id, r.position, r.city_id, r.is_origin
                FROM jsonb_to_recordset(p_places::jsonb) AS r(position integer, city_id text, is_origin boolean);
                INSERT INTO grappe.mission_outcomes (workspace, record_id, position, agreement_id, partner_id, text)
                SELECT p_workspace, p_id, r.position, r.agreement_id, r.partner_id, r.text
                FROM jsonb_to_recordset(p_outcomes::jsonb) AS r(position integer, agreement_id text, partner_id text, text text);
                INSERT INTO grappe.mission_objectives (workspace, record_id, position, text)
                SELECT p_workspace, p_id, r.position, r.text
                FROM jsonb_to_recordset(p_objectives::jsonb) AS r(position integer, text text);
            END
            $put$
            """,
            """
            CREATE FUNCTION grappe.append_journal(p_workspace text, p_at text, p_author text, p_action text, p_summary text,
                                                  p_undoes integer, p_items text, p_channel text)
            RETURNS integer LANGUAGE plpgsql AS $append$
            DECLARE
                next_seq integer;
            BEGIN
                SELECT COALESCE(MAX(seq), 0) + 1 INTO next_seq FROM grappe.journal WHERE workspace = p_workspace;
                INSERT INTO grappe.journal (workspace, seq, at, author, action, summary, undoes)
                VALUES (p_workspace, next_seq, p_at, p_author, p_action, p_summary, p_undoes);
                INSERT INTO grappe.journal_items (workspace, seq, position, object_kind, object_id, before, after, version_before, version_after)
                SELECT p_workspace, next_seq, i.position, i.object_kind, i.object_id, i.before, i.after, i.version_before, i.version_after
                FROM jsonb_to_recordset(p_items::jsonb)
                     AS i(position integer, object_kind text, object_id text, before text, after text, version_before integer, version_after integer);
                PERFORM pg_notify(p_channel, p_workspace || E'\\t' || next_seq);
                RETURN next_seq;
            END
            $append$
            """,
        ]),
    ]

    /// Run after every migration: the group roles an administrator made (docs/store.md) get their
    /// rights on what exists now. Roles that do not exist are skipped.
    static let grants = """
        DO $grants$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grappe_viewers') THEN
                GRANT USAGE ON SCHEMA grappe TO grappe_viewers;
                GRANT SELECT ON ALL TABLES IN SCHEMA grappe TO grappe_viewers;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grappe_planners') THEN
                GRANT USAGE ON SCHEMA grappe TO grappe_planners;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA grappe TO grappe_planners;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA grappe TO grappe_planners;
            END IF;
        END
        $grants$
        """
}
