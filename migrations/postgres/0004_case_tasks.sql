-- Department tasks (协调事项): a case routed to customs, tax, foreign exchange and others.
create table case_tasks (
    id bigint generated always as identity primary key,
    case_id bigint not null references cases (id),
    department_id bigint not null references departments (id),
    status text not null default 'pending' check (status in ('pending', 'in_progress', 'done', 'blocked')),
    due_on date,
    instructions text not null default '',
    department_note text not null default '',
    updated_by bigint references users (id),
    version integer not null default 1,
    created_by bigint references users (id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (case_id, department_id)
);
create index case_tasks_department on case_tasks (department_id, status);
