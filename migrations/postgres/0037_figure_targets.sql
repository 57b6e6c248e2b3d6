-- The year's targets (预期目标) the leaders report against: one value per figure of the
-- dashboard and year, in the figure's own unit (a count, 万元, US cents, hundredths of a per
-- cent or of a star), set by administrators; the dashboard shows "met" or "exceeded".
create table figure_targets (
    id bigint generated always as identity primary key,
    year integer not null check (year between 2000 and 2100),
    figure text not null,
    target bigint not null check (target >= 0),
    set_by bigint references users (id),
    updated_at timestamptz not null,
    unique (year, figure)
);
