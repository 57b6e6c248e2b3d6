-- What the project pages read at scale without going through every project or the whole
-- stage log, each kept in the transaction of the write that changes it:
-- * `signed_on`, the day a project was first signed: who belongs to a period's signings;
-- * `checked_on`, for a started project the later of its start and its last check: whose
--   check is overdue;
-- * `register_version`, bumped by every write to the projects, their stage log and their
--   capital: a server keeps the rates it computed only while it is unchanged.
alter table projects add column signed_on text;
alter table projects add column checked_on text;
alter table project_settings add column register_version integer not null default 0;

update projects set signed_on = (
    select min(m.moved_on) from project_moves m where m.project_id = projects.id and m.to_stage = 'signed');
update projects set checked_on = coalesce(
    (select max(c.checked_on) from project_checks c where c.project_id = projects.id and c.checked_on > projects.stage_on),
    stage_on)
    where stage = 'started';

-- The three lists are the register at one stage: its count and investment (up to the cap)
-- and its page's order read these indexes alone.
drop index projects_by_stage;
create index projects_by_stage on projects (stage, stage_on, total_investment_wan);
create index projects_by_stage_investment on projects (stage, total_investment_wan, stage_on);
create index projects_by_stage_chain on projects (stage, industry_chain_id, stage_on, total_investment_wan);
create index projects_by_stage_county on projects (stage, county_id, stage_on, total_investment_wan);
create index projects_by_signing on projects (signed_on, industry_chain_id, county_id, stage, stage_on);
create index projects_by_check on projects (stage, checked_on, id);
drop index projects_by_event;
create index projects_by_event on projects (event_id, stage, total_investment_wan);
