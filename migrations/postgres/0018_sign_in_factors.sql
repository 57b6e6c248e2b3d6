-- Staff sign-in to OWASP ASVS level 2: one-time codes (TOTP, RFC 6238) each user may turn on
-- and an administrator may require per role, with recovery codes; a password an administrator
-- set must be changed at the next sign-in. A session whose sign-in is not finished names the
-- step it waits for and opens nothing else.
alter table users add column totp_secret text;
alter table users add column totp_enabled boolean not null default false;
-- The last 30-second step a code was accepted for: a code works once.
alter table users add column totp_last_step bigint;
alter table users add column must_change_password boolean not null default false;

create table recovery_codes (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id) on delete cascade,
    code_hash text not null,
    used_at timestamptz
);
create index recovery_codes_user on recovery_codes (user_id);

create table roles_requiring_two_step (
    role text primary key check (role in ('admin', 'protocol_officer', 'liaison_officer', 'department_liaison', 'leader'))
);

-- null: signed in; 'code', 'password' or 'enrol': the step the sign-in waits for.
alter table sessions add column pending text;
