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
