-- The e-mail outbox. A message is written in the transaction of the change that causes it,
-- already rendered in its recipient's language; a background worker on each app server
-- claims due messages (a lease in `claimed_until`, so a message whose sender died is taken
-- up again), sends them and records the outcome.
create table outbox (
    id integer primary key,
    message_id text not null unique,
    kind text not null,
    recipient text not null,
    recipient_name text not null default '',
    locale text not null check (locale in ('zh-CN', 'en', 'fr')),
    subject text not null,
    body_text text not null,
    body_html text not null,
    case_id integer references cases (id),
    state text not null default 'pending' check (state in ('pending', 'sent', 'dead')),
    attempts integer not null default 0,
    next_attempt_at text not null,
    claim text,
    claimed_until text,
    last_error text,
    -- Which worker sent it (a random name each app server's worker takes when it starts).
    sent_by text,
    created_at text not null,
    sent_at text
);
create index outbox_due on outbox (state, next_attempt_at);
create index outbox_case on outbox (case_id, id);

create table outbox_attachments (
    id integer primary key,
    outbox_id integer not null references outbox (id),
    filename text not null,
    content_type text not null,
    content blob not null
);
create index outbox_attachments_message on outbox_attachments (outbox_id);

-- Notices that go out once: a case at risk or overdue for one deadline, a task overdue,
-- one digest per user and day. Written with the message, so two servers cannot both send.
create table mail_notices (
    key text primary key,
    created_at text not null
);

-- Who asked: investors get the case's news by e-mail in the case's language.
alter table cases add column applicant_name text not null default '';
alter table cases add column applicant_email text;

-- The daily digest of open, at-risk and overdue cases; each user may switch it off.
alter table users add column daily_digest boolean not null default true;
