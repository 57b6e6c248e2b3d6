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
