nav-dashboard = Dashboard
home-dashboard-text = The office’s figures for any period, beside the year before.
dashboard-title = Dashboard
dashboard-period-year = A year, a quarter or a month
dashboard-period-range = A range of days
dashboard-field-year = Year
dashboard-field-quarter = Quarter
dashboard-field-month = Month
dashboard-field-from = From
dashboard-field-to = To
dashboard-whole-year = The whole year
dashboard-any-month = Every month
dashboard-show = Show
dashboard-year-to-date = This year to date
dashboard-quarter-name = Q{ $quarter }
dashboard-span = { $from } – { $to }
dashboard-comparing = { $period }, compared with { $before }.
dashboard-nothing = Your role reads no figures on this dashboard.
dashboard-named-year-to-date = This year up to { $to }
dashboard-named-year = The year { $year }
dashboard-named-quarter = Q{ $quarter } { $year }
dashboard-named-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
dashboard-figure = Figure
dashboard-today-only = as of today
dashboard-yi = { $amount } 亿元
dashboard-stars = { $stars } / 5
field-quarter-or-month = Choose a quarter or a month, not both.
figure-capital-domestic = Domestic capital from other provinces actually used
figure-capital-foreign = Foreign capital actually used
figure-projects-on-list = Projects on the reserve (signed) list
figure-start-rate = Start rate
figure-completion-rate = Completion rate
figure-projects-signed = Projects signed
figure-investment-signed = Investment signed
figure-signed-through-visits = Projects signed through leaders’ visits
figure-investment-through-visits = Investment signed through leaders’ visits
figure-target-firms = Target firms in the library
figure-promoted-published = Promoted projects published
figure-leads-open = Leads open
figure-leads-overdue = Leads with an overdue next step
figure-leads-opened = Leads opened
figure-brochure-issues = Brochure issues
figure-delegations-received = Foreign delegations received
figure-visitors-received = Visitors received
figure-delegations-sent = Outgoing delegations
figure-people-sent = People in outgoing delegations
figure-sister-cities = Sister cities
figure-prospective-cities = Prospective friendship cities
figure-exchange-cities = Friendly exchange cities
figure-new-prospective-cities = New prospective friendship cities
figure-enterprises = Foreign-invested enterprises
figure-key-enterprises = Key enterprises
figure-new-enterprises = Enterprises registered
figure-visits-overdue = Enterprises with an overdue visit
figure-cases-opened = Cases opened
figure-cases-resolved = Cases resolved
figure-cases-overdue = Cases overdue
figure-green-channel-share = Share of cases in the green channel
figure-satisfaction = Investors’ satisfaction
figure-ratings = Ratings given
audit-action-figure-targets-set = Year’s targets set
dashboard-target-of = Target for { $year }
dashboard-set-targets = Set the year’s targets
dashboard-below-target = below target
dashboard-target-met = target met
dashboard-target-exceeded = exceeded
dashboard-targets-title = The year’s targets
dashboard-targets-hint = The targets (预期目标) the office reports against, each in its figure’s unit; leave a field empty for no target. The dashboard of that year, or of the year to date, shows each figure beside its target.
dashboard-save-targets = Save the targets
dashboard-unit-count = (number)
dashboard-unit-yi = (亿元)
dashboard-unit-usd = (US dollars)
dashboard-unit-percent = (per cent)
dashboard-unit-stars = (stars, out of 5)
figure-brochure-presented = Projects presented in the brochure
figure-brochure-signed = Brochure projects signed
figure-sub-chains = Industry sub-chains
figure-policies-withdrawn = Policy documents withdrawn
dashboard-new-cities = New prospective friendship cities: { $names }
dashboard-events = Promotion events of the period and their signings
dashboard-event = Event
dashboard-event-day = First day
dashboard-review-title = Review of the year { $year }
dashboard-review-hint = Written from the year’s data: print it on A4, or download it for Word to paste into a report.
dashboard-review-docx = Word document
review-title = Review of the year { $year }
review-office = Foreign Affairs Office · Investment Promotion Bureau
review-written = Written by Liaison from its records on { $day }.
review-heading-projects = Investment projects
review-heading-promotion = Investment promotion
review-heading-delegations = Delegations received and sent
review-heading-cities = Friendship cities
review-heading-enterprises = Foreign-invested enterprises
review-heading-cases = Service requests
review-yuan = CNY { $amount } billion
review-dollars = USD { $amount } million
review-projects-list = { $list } projects are on the reserve (signed) list, with a start rate of { $start } and a completion rate of { $completion }.
review-projects-signed = { $count ->
    [one] One project was
   *[other] { $count } projects were
} signed in the year, with a total investment of { $amount }.
review-projects-event = The { $event } signed { $count ->
    [one] one project
   *[other] { $count } projects
}, with a total investment of { $amount }.
review-projects-visits = The city’s leaders’ own visits brought { $count ->
    [one] one signed project
   *[other] { $count } signed projects
}, with a total investment of { $amount }.
review-projects-capital = Capital in place from other provinces came to { $domestic }, and foreign capital actually used to { $foreign }.
review-promotion-libraries = The target-firm library holds { $firms } firms and the promoted projects number { $promoted }, over { $chains } industry sub-chains.
review-promotion-brochure = { $issues ->
    [one] One issue
   *[other] { $issues } issues
} of the project brochure presented { $presented } projects, of which { $signed ->
    [one] one was signed.
   *[other] { $signed } were signed.
}
review-promotion-leads = { $opened ->
    [one] One investment lead was opened
   *[other] { $opened } investment leads were opened
}; { $open ->
    [one] one is being followed.
   *[other] { $open } are being followed.
}
review-promotion-policies = { $withdrawn ->
    [one] One non-compliant investment policy document was withdrawn.
   *[other] { $withdrawn } non-compliant investment policy documents were withdrawn.
}
review-delegations-received = The city received { $count ->
    [one] one foreign delegation
   *[other] { $count } foreign delegations
} with { $people ->
    [one] one visitor.
   *[other] { $people } visitors.
}
review-delegations-sent = It sent { $count ->
    [one] one delegation
   *[other] { $count } delegations
} abroad, with { $people ->
    [one] one member.
   *[other] { $people } members.
}
review-cities-new = { $count ->
    [one] One new prospective friendship city
   *[other] { $count } new prospective friendship cities
}: { $names }.
review-cities-standing = The city has { $sister ->
    [one] one sister city
   *[other] { $sister } sister cities
}, { $prospective ->
    [one] one prospective friendship city
   *[other] { $prospective } prospective friendship cities
} and { $exchange ->
    [one] one friendly exchange city.
   *[other] { $exchange } friendly exchange cities.
}
review-enterprises = The city counts { $all } foreign-invested enterprises, { $key ->
    [one] one of them a key enterprise
   *[other] { $key } of them key enterprises
}; { $new ->
    [one] one was set up in the year.
   *[other] { $new } were set up in the year.
}
review-cases = The office took { $opened } service requests and resolved { $resolved }; the green channel handled { $green } of them.
review-cases-speed = { $rate } of the resolved requests met their deadline; median time to resolve, in working days: { $median }.
review-cases-departments = The departments the office coordinates completed their tasks for the enterprises: { $departments }.
review-cases-department = { $name }, { $done ->
    [one] one task
   *[other] { $done } tasks
} in a median of { $median } working days
review-cases-rated = Enterprises rated the service { $ratings ->
    [one] once
   *[other] { $ratings } times
}, { $stars } out of 5 on average.
figure-on-time-rate = Cases resolved within their deadline
figure-median-days = Median working days to resolve a case
dashboard-unit-days = (working days)
dashboard-csv = CSV
dashboard-table-empty = Nothing to show for this period.
dashboard-label-none = None given
dashboard-table-projects-by-month = Projects signed, month by month
dashboard-table-funnel = The reserve list from signing to completion
dashboard-table-chains = Projects on the list by industry chain
dashboard-table-counties = Projects on the list by county
dashboard-table-leader-tasks = Leaders’ investment targets
dashboard-table-firms-by-chain = Target firms by industry chain
dashboard-table-delegations-by-month = Delegations received and sent, month by month
dashboard-table-delegation-countries = Delegations by country
dashboard-table-enterprise-countries = Foreign-invested enterprises by country
dashboard-table-cases-by-month = Cases opened and resolved, month by month
dashboard-table-case-types = Cases by type
dashboard-table-departments = Departments’ tasks and their turnaround
dashboard-column-month = Month
dashboard-column-stage = Stage
dashboard-column-on-list = On the list
dashboard-column-chain = Industry chain
dashboard-column-county = County or district
dashboard-column-country = Country or region
dashboard-column-case-type = Type of request
dashboard-column-department = Department
dashboard-column-leader = Leader
dashboard-column-projects = Projects
dashboard-column-investment = Investment (亿元)
dashboard-column-started = Started
dashboard-column-completed = Completed
dashboard-column-start-rate = Start rate (per cent)
dashboard-column-target-projects = Target, projects
dashboard-column-target-investment = Target, investment (亿元)
dashboard-column-firms = Target firms
dashboard-column-delegations-received = Delegations received
dashboard-column-visitors-received = Visitors received
dashboard-column-delegations-sent = Delegations sent
dashboard-column-people-sent = People sent
dashboard-column-enterprises = Enterprises
dashboard-column-opened = Opened
dashboard-column-resolved = Resolved
dashboard-column-on-time-rate = Resolved within the deadline (per cent)
dashboard-column-median-days = Median working days
dashboard-column-tasks-assigned = Tasks given
dashboard-column-tasks-done = Tasks done
dashboard-column-tasks-open = Open today
dashboard-column-tasks-overdue = Overdue today
