-- Department tasks (协调事项): a case routed to customs, tax, foreign exchange and others.
create table case_tasks (
    id integer primary key,
    case_id integer not null references cases (id),
    department_id integer not null references departments (id),
    status text not null default 'pending' check (status in ('pending', 'in_progress', 'done', 'blocked')),
    due_on text,
    instructions text not null default '',
    department_note text not null default '',
    updated_by integer references users (id),
    version integer not null default 1,
    created_by integer references users (id),
    created_at text not null,
    updated_at text not null,
    unique (case_id, department_id)
);
create index case_tasks_department on case_tasks (department_id, status);
