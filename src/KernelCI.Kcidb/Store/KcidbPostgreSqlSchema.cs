namespace KernelCI.Kcidb.Store;

/// <summary>Upstream's PostgreSQL schema v5.3 (kcidb/db/postgresql/v04_00.py … v05_03.py) as kcidb-db-init creates it,
/// so the Dashboard's SQL and kcidb's own tools can read the database.</summary>
internal static class KcidbPostgreSqlSchema
{
    public const string Functions = """
        CREATE OR REPLACE FUNCTION first_agg(anyelement, anyelement)
        RETURNS anyelement LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1';
        CREATE OR REPLACE FUNCTION last_agg(anyelement, anyelement)
        RETURNS anyelement LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $2';
        CREATE OR REPLACE AGGREGATE first(anyelement) (SFUNC = first_agg, STYPE = anyelement, PARALLEL = safe);
        CREATE OR REPLACE AGGREGATE last(anyelement) (SFUNC = last_agg, STYPE = anyelement, PARALLEL = safe);

        CREATE OR REPLACE FUNCTION encode_uri_component(TEXT)
        RETURNS TEXT AS $$
            SELECT string_agg(
                CASE
                    WHEN len_bytes > 1 OR char !~ '[0-9a-zA-Z_.!~*''()-]+' THEN
                        regexp_replace(encode(convert_to(char, 'utf-8')::bytea, 'hex'), '(..)', E'%\\1', 'g')
                    ELSE char
                END,
                ''
            )
            FROM (SELECT char, octet_length(char) AS len_bytes FROM regexp_split_to_table($1, '') char) AS chars;
        $$ LANGUAGE SQL IMMUTABLE STRICT;

        DO $$ BEGIN
            CREATE TYPE STATUS AS ENUM ('FAIL', 'ERROR', 'MISS', 'PASS', 'DONE', 'SKIP');
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
        DO $$ BEGIN
            CREATE TYPE UNIT_PREFIX AS ENUM ('metric', 'binary');
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;

        CREATE OR REPLACE FUNCTION get_version() RETURNS integer LANGUAGE SQL IMMUTABLE AS 'SELECT 5003';
        """;

    public const string Tables = """
        CREATE TABLE IF NOT EXISTS checkouts (
            _timestamp TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            tree_name TEXT,
            git_repository_url TEXT,
            git_commit_hash TEXT,
            git_commit_name TEXT,
            git_repository_branch TEXT,
            patchset_files JSONB,
            patchset_hash TEXT,
            message_id TEXT,
            comment TEXT,
            start_time TIMESTAMP WITH TIME ZONE,
            log_url TEXT,
            log_excerpt CHARACTER VARYING (16384),
            valid BOOLEAN,
            misc JSONB,
            git_commit_tags TEXT[],
            git_commit_message TEXT,
            git_repository_branch_tip BOOLEAN,
            origin_builds_finish_time TIMESTAMP WITH TIME ZONE,
            origin_tests_finish_time TIMESTAMP WITH TIME ZONE
        );

        CREATE TABLE IF NOT EXISTS builds (
            _timestamp TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
            checkout_id TEXT NOT NULL,
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            comment TEXT,
            start_time TIMESTAMP WITH TIME ZONE,
            duration DOUBLE PRECISION,
            architecture TEXT,
            command TEXT,
            compiler TEXT,
            input_files JSONB,
            output_files JSONB,
            config_name TEXT,
            config_url TEXT,
            log_url TEXT,
            log_excerpt CHARACTER VARYING (16384),
            misc JSONB,
            status STATUS
        );

        CREATE TABLE IF NOT EXISTS tests (
            _timestamp TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
            build_id TEXT NOT NULL,
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            environment_comment TEXT,
            environment_misc JSONB,
            path TEXT,
            comment TEXT,
            log_url TEXT,
            log_excerpt CHARACTER VARYING (16384),
            status STATUS,
            start_time TIMESTAMP WITH TIME ZONE,
            duration DOUBLE PRECISION,
            output_files JSONB,
            misc JSONB,
            environment_compatible TEXT[],
            number_value DOUBLE PRECISION,
            number_unit TEXT,
            number_prefix UNIT_PREFIX,
            input_files JSONB
        );

        CREATE TABLE IF NOT EXISTS issues (
            _timestamp TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            origin TEXT NOT NULL,
            report_url TEXT,
            report_subject TEXT,
            culprit_code BOOLEAN,
            culprit_tool BOOLEAN,
            culprit_harness BOOLEAN,
            comment TEXT,
            misc JSONB,
            categories TEXT[],
            PRIMARY KEY (id, version)
        );

        CREATE TABLE IF NOT EXISTS incidents (
            _timestamp TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            issue_id TEXT NOT NULL,
            issue_version INTEGER NOT NULL,
            build_id TEXT,
            test_id TEXT,
            present BOOLEAN,
            comment TEXT,
            misc JSONB
        );
        """;
}
