nav-projects = Investment projects
home-projects-text = Investment projects from the first lead to completion, with their three-way review and the log of every stage.

projects-title = Investment projects
projects-new = Register a project
projects-register = Register
projects-mine-only = Only the projects I follow
projects-count = { $count ->
    [one] One project
   *[other] { $count } projects
}, { $amount } 亿元 (× 100 million CNY) in all
projects-count-many = More than { $total } projects match: narrow the filter to see their total investment.
project-edit = Change the project’s details
projects-none = No project matches.

project-stage-lead = Lead
project-stage-negotiating = Negotiating
project-stage-signed = Signed
project-stage-started = Started
project-stage-completed = Completed
project-stage-dropped = Dropped
project-aspect-authenticity = Authenticity
project-aspect-legality = Legality
project-aspect-feasibility = Feasibility
project-capital-domestic = From another province of China
project-capital-foreign = Foreign capital
project-capital-other = Other
project-source-event = Promotion event (fair, campaign, forum)
project-source-leader-visit = A leader’s visit
project-source-delegation = Delegation outcome
project-source-brochure = Project brochure
project-source-portal = Enquiry through the portal
project-source-other = Other
project-review-passed = Passed
project-review-failed = Failed

project-field-name = Project name
project-field-investor = Investor
project-field-investor-country = Investor’s country
project-field-investor-country-hint = Leave empty for an investor from another province of China.
project-field-investor-province = Province of origin
project-field-total-investment = Total investment (亿元)
project-field-total-investment-hint = In 亿元 (100 million CNY), with a decimal point and up to four decimals: 12.5 is 1.25 billion CNY.
project-field-capital-kind = Capital
project-field-source = Source
project-field-stage = Stage
project-field-stage-hint = A project is signed only once its three reviews have passed: record them on its page.
project-field-leader = Responsible leader
project-no-leader = No responsible leader
project-since = Since
project-dropped-from = Dropped at

projects-review-heading = Three-way review (authenticity, legality, feasibility)
projects-review-hint = Each aspect’s latest review must pass before the signing. A failed review stays on record until a later one passes.
projects-blocking = Not ready to sign yet. Still to pass: { $aspects }.
projects-no-reviews = No review recorded yet.
project-field-aspect = Aspect
project-field-verdict = Result
project-field-finding = Finding
project-field-reviewed-on = Date of the review
project-reviewer = Reviewer
projects-record-review = Record a review
project-date-hint = Leave empty for today.

projects-stages-heading = Progress
projects-stage-log = Stage log
projects-move = Move the project
project-field-to-stage = New stage
project-field-moved-on = Date of the move
project-field-reason = Reason
project-field-reason-hint = Required to go back a stage, to drop the project or to take it up again.
project-log-registered = Registered ({ $stage })
project-field-move = Move
project-moved-by = By

field-unknown-capital-kind = Choose the kind of capital from the list.
field-unknown-source = Choose how the project came to us from the list.
field-unknown-stage = Choose a stage from the list.
field-unknown-aspect = Choose authenticity, legality or feasibility.
field-reviews-pending = All three reviews must pass before the project is signed.
field-invalid-yi-amount = Enter the investment in 亿元 (100 million yuan) with a decimal point and at most four decimals, for example 12.5.
field-stage-not-allowed = The project cannot move to this stage from where it is now.
field-move-needs-reason = Say why: going back a stage, dropping a project or taking it up again needs a reason.
field-reviews-closed = The project is signed: its reviews are closed.

field-year = Year
projects-year-hint = The year the project reached its stage.
projects-sort = Order
projects-sort-latest = Latest moved first
projects-sort-investment = Largest investment first
projects-sort-name = By name
project-field-county = County or district
project-field-park = Park
project-field-event = Promotion event
project-field-event-hint = Required when the project came from a promotion event.
project-field-since = Stage reached on
project-field-since-hint = Leave empty for today; give the day it began for a project you already follow.
project-field-enclave-partner = Flying enclave: partner county
project-field-enclave-hint = Only for a project hosted for another county (飞地项目): that county, and its share of the revenue.
project-field-enclave-share = Partner county’s share of the revenue (%)
project-enclave = { $partner }, { $share }% of the revenue

events-title = Promotion events
events-new = Record an event
events-record = Record
events-none = No promotion event recorded for this period.
events-correct = Correct the event
events-signed = Signed
events-started = Started
events-completed = Completed
events-latest-only = { $count ->
    [one] The latest event only: choose a year to see all of its events.
   *[other] The latest { $count } events only: choose a year to see all of its events.
}
events-produced-hint = Counted from the projects that name the event: those signed there that are still on the reserve list or past it (a signing undone or a project dropped no longer counts).
event-field-kind = Kind
event-field-name = Name
event-field-days = Dates
event-field-starts-on = First day
event-field-ends-on = Last day
event-field-ends-on-hint = Leave empty for a one-day event.
event-field-place = Place
event-field-organiser = Organiser
event-field-leader = Leader
event-kind-trade-fair = Trade fair
event-kind-campaign = Themed campaign
event-kind-roadshow = Roadshow
event-kind-forum = Forum
event-kind-leader-visit = Leader’s visit
event-projects-heading = Projects from this event
event-produced = { $signed ->
    [one] One project signed
   *[other] { $signed } projects signed
}, { $amount } 亿元 (× 100 million CNY) in all; { $started ->
    [0] none started
   *[other] { $started } started
}, { $completed ->
    [0] none completed
   *[other] { $completed } completed
}.

rates-title = Start and completion rates
rates-cohort = Which projects
rates-cohort-signed = Signed in a period
rates-cohort-on-list = On the reserve list or past it on a day
rates-from = From
rates-to = To
rates-at = On
rates-show = Show
rates-of-signed = Projects signed from { $from } to { $to }, as they stood on { $to }.
rates-of-on-list = Projects on the reserve list or past it on { $day }, as they stood that day.
rates-signed = Signed
rates-started = Started
rates-completed = Completed
rates-start-rate = Start rate
rates-completion-rate = Completion rate
rates-by-chain = By industry chain
rates-by-county = By county
rates-none = No project in this cohort.
rates-not-given = Not given
rates-definitions = How the figures are counted
rates-definition-start = Start rate = started ÷ signed. A completed project counts as started.
rates-definition-completion = Completion rate = completed ÷ signed.
rates-definition-signed = Signed in a period: the projects whose first signing falls in it (a signing undone and redone counts once), at the stage they were at on its last day.
rates-definition-on-list = On the list on a day: the projects at the signed, started or completed stage on that day (not dropped, not moved back before the signing).
rates-definition-log = Every figure is read from the log of stage moves with their dates, never from a project’s current stage alone.

counties-title = Counties and districts
counties-hint = Where projects are built. A county is renamed here, never deleted, so that the projects and figures that name it keep their place.
counties-none = No county yet: add the city’s counties and districts below.
counties-add = Add a county
counties-name-zh = Name in Chinese
counties-name-en = Name in English
counties-name-fr = Name in French
counties-sort-order = Place in the list

field-name-taken = Another county already has this name.
field-unknown-county = Choose a county from the list.
field-outside-county = You work the projects of your own county or district only: choose it, or leave the field empty.
field-county-required = A county officer must belong to a county or district.
field-unknown-event = Choose a promotion event from the list.
field-event-required = Choose the promotion event the project came from.
field-unknown-event-kind = Choose the kind of event from the list.
field-invalid-share = Enter a whole number of per cent, from 0 to 100.
field-enclave-needs-both = A flying-enclave project names both the partner county and its share of the revenue.
field-unknown-cohort = Choose the projects signed in a period or those on the list on a day.

capital-heading = Capital in place
capital-hint = What the investors have actually paid in, month by month: domestic capital in 亿元 (× 100 million CNY), foreign capital in US dollars. Recording a month again corrects it.
capital-none = No capital in place recorded yet.
capital-month = Month
capital-domestic = Domestic capital (亿元)
capital-foreign = Foreign capital (USD)
capital-recorded-by = Recorded by
capital-total = Total
capital-record = Record the month
rates-capital = Capital in place over the period: { $domestic } 亿元 of domestic capital and { $foreign } of foreign capital.
field-not-signed-yet = Capital is recorded once the project is signed.

leader-tasks-title = Leaders’ investment targets
leader-tasks-hint = Each leader’s targets for the year, and the projects counted against them: those the leader is responsible for or that were signed on the leader’s own visit, first signed in the year and still on the reserve list or past it.
leader-tasks-none = No target set for this year.
leader-tasks-target-projects = Target (projects)
leader-tasks-signed = Signed
leader-tasks-progress = Progress
leader-tasks-target-investment = Target (亿元)
leader-tasks-investment = Signed (亿元)
leader-tasks-set = Set the target

checks-heading = Health checks and site verifications
checks-next = Next check due by { $day }.
checks-none = No check recorded yet.
checks-record = Record a check
checks-case = Case
checks-checked-by = Checked by
checks-no-department = Keep it on the project
check-kind-health-check = Health check
check-kind-site-visit = Site verification
check-field-kind = Kind of check
check-field-checked-on = Date of the check
check-field-progress = Progress (%)
check-field-findings = Findings
check-field-problem = Problem found
check-field-department = Send the problem to
check-field-department-hint = The problem becomes a case with a task for that department, which you follow like any other.
checks-overdue-title = Overdue checks
checks-overdue-hint = Started projects not checked for more than { $days ->
    [one] one day
   *[other] { $days } days
} since their start or their last check.
checks-longest-only = { $count ->
    [one] The longest waiting is listed; choose a leader to see theirs.
   *[other] The { $count } longest waiting are listed; choose a leader to see theirs.
}
checks-overdue-none = No check is overdue.
checks-last = Started or last checked
checks-due = Due by
checks-interval = Days between two checks
checks-interval-days = Days
field-unknown-check-kind = Choose a health check or a site verification.
field-not-started = Only a started project is checked.
project-field-credit-code = Its enterprise’s credit code
project-field-credit-code-hint = When the investor has registered its company here: the unified social credit code links the project to the enterprise, and the cases opened for the project belong to it.
project-field-enterprise = Enterprise

project-field-lead = Delegation’s investment lead
project-field-lead-hint = For a project that came from a delegation: the lead it recorded. Each lead becomes one project.
field-unknown-lead = Choose a delegation’s investment lead from the list.
field-lead-taken = Another project was already registered from this lead.
field-lead-needs-delegation-source = A project from a delegation’s lead has “Delegation outcome” as its source.

project-field-sub-chain = Sub-chain
project-field-sub-chain-hint = Within the industry chain; choosing one without a chain sets its chain.
field-unknown-sub-chain = Choose a sub-chain from the list.
field-sub-chain-outside-chain = This sub-chain belongs to another industry chain than the one chosen.
chains-title = Industry chains
chains-hint = The industry chains and, under each, its sub-chains. A chain or sub-chain is renamed here, never deleted, so that the projects and enterprises that name it keep their place.
chains-add = Add an industry chain
chains-edit = Change
chains-add-sub-chain = Add a sub-chain
checks-yours = yours
