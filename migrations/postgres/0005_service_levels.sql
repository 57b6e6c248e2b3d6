-- Service levels: deadlines per case type in working days, and the working calendar they
-- are counted in (weekends, public holidays and the make-up working days, 调休).

create table service_levels (
    case_type text primary key check (case_type in ('business_registration', 'customs', 'tax', 'foreign_exchange',
        'work_permit', 'residence_permit', 'visa', 'land_utilities', 'financing', 'policy_question', 'complaint', 'other')),
    working_days integer not null check (working_days between 1 and 250),
    green_channel_days integer not null check (green_channel_days between 1 and 250),
    version integer not null default 1,
    updated_by bigint references users (id),
    updated_at timestamptz,
    check (green_channel_days <= working_days)
);
insert into service_levels (case_type, working_days, green_channel_days) values
    ('business_registration', 5, 3),
    ('customs', 5, 2),
    ('tax', 5, 3),
    ('foreign_exchange', 5, 3),
    ('work_permit', 10, 5),
    ('residence_permit', 15, 7),
    ('visa', 7, 5),
    ('land_utilities', 20, 10),
    ('financing', 15, 10),
    ('policy_question', 5, 3),
    ('complaint', 5, 2),
    ('other', 10, 5);

-- Days that depart from Monday-to-Friday: 'holiday' (off, even on a weekday) or 'workday'
-- (worked, even on a weekend). Seeded with the State Council's 2026 schedule
-- (国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025).
create table calendar_days (
    day date primary key,
    kind text not null check (kind in ('holiday', 'workday')),
    name text not null default '',
    updated_by bigint references users (id),
    updated_at timestamptz
);
insert into calendar_days (day, kind, name) values
    ('2026-01-01', 'holiday', '元旦 New Year''s Day'),
    ('2026-01-02', 'holiday', '元旦 New Year''s Day'),
    ('2026-01-03', 'holiday', '元旦 New Year''s Day'),
    ('2026-01-04', 'workday', '元旦 New Year''s Day 调休'),
    ('2026-02-14', 'workday', '春节 Spring Festival 调休'),
    ('2026-02-15', 'holiday', '春节 Spring Festival'),
    ('2026-02-16', 'holiday', '春节 Spring Festival'),
    ('2026-02-17', 'holiday', '春节 Spring Festival'),
    ('2026-02-18', 'holiday', '春节 Spring Festival'),
    ('2026-02-19', 'holiday', '春节 Spring Festival'),
    ('2026-02-20', 'holiday', '春节 Spring Festival'),
    ('2026-02-21', 'holiday', '春节 Spring Festival'),
    ('2026-02-22', 'holiday', '春节 Spring Festival'),
    ('2026-02-23', 'holiday', '春节 Spring Festival'),
    ('2026-02-28', 'workday', '春节 Spring Festival 调休'),
    ('2026-04-04', 'holiday', '清明节 Qingming Festival'),
    ('2026-04-05', 'holiday', '清明节 Qingming Festival'),
    ('2026-04-06', 'holiday', '清明节 Qingming Festival'),
    ('2026-05-01', 'holiday', '劳动节 Labour Day'),
    ('2026-05-02', 'holiday', '劳动节 Labour Day'),
    ('2026-05-03', 'holiday', '劳动节 Labour Day'),
    ('2026-05-04', 'holiday', '劳动节 Labour Day'),
    ('2026-05-05', 'holiday', '劳动节 Labour Day'),
    ('2026-05-09', 'workday', '劳动节 Labour Day 调休'),
    ('2026-06-19', 'holiday', '端午节 Dragon Boat Festival'),
    ('2026-06-20', 'holiday', '端午节 Dragon Boat Festival'),
    ('2026-06-21', 'holiday', '端午节 Dragon Boat Festival'),
    ('2026-09-20', 'workday', '国庆节 National Day 调休'),
    ('2026-09-25', 'holiday', '中秋节 Mid-Autumn Festival'),
    ('2026-09-26', 'holiday', '中秋节 Mid-Autumn Festival'),
    ('2026-09-27', 'holiday', '中秋节 Mid-Autumn Festival'),
    ('2026-10-01', 'holiday', '国庆节 National Day'),
    ('2026-10-02', 'holiday', '国庆节 National Day'),
    ('2026-10-03', 'holiday', '国庆节 National Day'),
    ('2026-10-04', 'holiday', '国庆节 National Day'),
    ('2026-10-05', 'holiday', '国庆节 National Day'),
    ('2026-10-06', 'holiday', '国庆节 National Day'),
    ('2026-10-07', 'holiday', '国庆节 National Day'),
    ('2026-10-10', 'workday', '国庆节 National Day 调休');

-- Each case's deadline: counted from its start day, in working days, plus the working days
-- it spent waiting for the applicant (the clock stops then).
alter table cases add column sla_start_on date;
alter table cases add column sla_working_days integer;
alter table cases add column paused_on date;
alter table cases add column paused_working_days integer not null default 0;
alter table cases add column due_on date;
create index cases_due on cases (due_on) where status in ('submitted', 'accepted', 'in_progress');
