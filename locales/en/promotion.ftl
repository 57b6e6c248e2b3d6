nav-promotion = Investment promotion
home-promotion-text = The industry-chain maps with their gaps, and the city’s investment policy documents: those in force, shown to investors on the portal, and those withdrawn, with the reason.
policies-title = Investment policies
policies-new = Register a policy document
policies-register = Register
policies-hint = The city’s investment policy documents. Those in force are listed on the investors’ portal, with their title and summary in English and French where written.
policies-search = Title or document number
policies-counts = { $in_force } in force · { $withdrawn } withdrawn
policies-none = No policy document matches.
policies-correct = Correct this document
policies-withdraw = Withdraw this document
policies-withdraw-hint = A withdrawn document leaves the portal and can no longer be changed; the register keeps it with the day and the reason.
policy-field-title = Title
policy-field-title-zh = Title in Chinese
policy-field-title-en = Title in English
policy-field-title-fr = Title in French
policy-field-issuer = Issued by
policy-field-doc-number = Document number
policy-field-doc-number-hint = As printed on the document, e.g. 市政发〔2025〕12号; leave empty if it has none.
policy-field-issued-on = Issued on
policy-field-summary = Summary
policy-field-summary-zh = Summary in Chinese
policy-field-summary-en = Summary in English
policy-field-summary-fr = Summary in French
policy-translations-hint = Investors read the English or French title and summary; where one is left empty, the portal shows the Chinese and says so.
policy-not-translated = Not written in this language.
policy-field-status = Status
policy-status-in-force = In force
policy-status-withdrawn = Withdrawn
policy-withdrawn-on = Withdrawn on { $date }
policy-withdrawn-because = Withdrawn: { $reason }
policy-field-withdrawn-on = Withdrawn on
policy-field-withdrawn-reason = Reason for the withdrawal
field-doc-number-taken = Another policy document has this number.
field-policy-withdrawn = This document has been withdrawn and can no longer be changed.
field-withdrawn-before-issued = A document cannot be withdrawn before the day it was issued.
audit-action-policy-registered = Policy document registered
audit-action-policy-updated = Policy document corrected
audit-action-policy-withdrawn = Policy document withdrawn
chain-maps-title = Industry-chain maps
chain-maps-hint = Each sub-chain’s links, upstream to downstream, as segments; the register’s enterprises present in each; and the gaps, the segments the city has no enterprise in yet, which its promotion aims at.
chain-maps-none = No sub-chain yet. The admins add them under Projects, Industry chains.
chain-maps-sub-chain = Sub-chain
chain-maps-segments = Segments
chain-maps-gaps = Gaps
chain-link-upstream = Upstream
chain-link-midstream = Midstream
chain-link-downstream = Downstream
chain-map-diagram = Map of the { $name } sub-chain; the table below lists the same segments.
chain-map-summary = { $segments } segments, { $gaps } gaps
chain-map-present = { $count ->
    [one] 1 enterprise present
   *[other] { $count } enterprises present
}
chain-map-gap = Gap
chain-map-covered = Present
chain-map-empty = This sub-chain has no segment yet.
chain-map-col-link = Link
chain-map-col-segment = Segment
chain-map-col-enterprises = Local enterprises
chain-map-col-state = State
chain-map-add-segment = Add a segment
chain-map-rename = Rename
chain-map-remove = Take out
chain-map-add-enterprise = Show an enterprise in a segment
field-unknown-link = Choose upstream, midstream or downstream.
field-already-in-segment = This enterprise is already shown in this segment.
audit-action-chain-segment-added = Chain segment added
audit-action-chain-segment-renamed = Chain segment renamed
audit-action-segment-enterprise-added = Enterprise shown in a chain segment
audit-action-segment-enterprise-removed = Enterprise taken out of a chain segment
firms-title = Target firms
firms-hint = The firms the city wants to attract: the segments each fits, its officer in charge and how far it has been approached. Next steps whose day has passed are flagged and listed first.
firms-import = Import from a spreadsheet
firms-imported = The spreadsheet’s firms are saved.
firms-search = Name
firms-only-overdue = Next step overdue
firms-only-mine = Mine only
firms-counts = { $total } firms · { $overdue } overdue
firms-none = No target firm matches.
firms-overdue-flag = Overdue
firms-import-hint = An XLSX, XLS or CSV spreadsheet whose first row names the columns (as in the template; the firm’s name and country are needed). Nothing is saved until you have seen each row and confirmed. A firm already in the register under the same name and country is updated, not added again.
firms-template = Download the template (CSV)
firms-template-file = target-firms-template
firms-import-file = Spreadsheet
firms-import-read = Read the file
firms-import-preview = Check the rows before saving
firms-import-summary = { $file }: { $total ->
    [one] 1 row
   *[other] { $total } rows
}; new firms: { $new }, updates: { $updates }, refused: { $refused }.
firms-import-refused = { $count ->
    [one] 1 row refused
   *[other] { $count } rows refused
}
firms-import-fix = The refused rows will not be saved. Correct them in the spreadsheet and import it again: the firms saved now are then updated, not duplicated.
firms-import-good = { $count ->
    [one] One row to save
   *[other] { $count } rows to save
}, the first { $shown } listed
firms-import-confirm = { $count ->
    [one] Save 1 firm
   *[other] Save { $count } firms
}
firms-import-again = Import another file
firms-import-done = This spreadsheet has been saved.
firms-import-line = Row
firms-import-result = Result
firms-import-new = New firm
firms-import-updates = Updates the firm
firm-field-name = Firm
firm-field-country = Country
firm-field-size = Size
firm-field-officer = Officer in charge
firm-field-status = Approach
firm-field-next-step = Next step
firm-field-website = Website
firm-field-contacts = Contacts
firm-field-last-contact = Last contact
firm-field-project = Project number
firm-field-declined-reason = Reason for declining
firm-approach = Approach and next step
firm-project-link = Open the project
firm-declined-because = Declined: { $reason }
approach-not-contacted = Not contacted
approach-contacted = Contacted
approach-interested = Interested
approach-negotiating = Negotiating
approach-became-project = Became a project
approach-declined = Declined
firm-size-global-500 = Fortune Global 500
firm-size-large = Large
firm-size-medium = Medium-sized
firm-size-small = Small
firm-column-name = Name
firm-column-name-zh = Chinese name
firm-column-country = Country
firm-column-sub-chain = Sub-chain
firm-column-segments = Segments
firm-column-size = Size
firm-column-website = Website
firm-column-contacts = Contacts
firm-column-officer = Officer
firm-column-next-step = Next step
firm-column-next-step-on = Next step on
firm-example-name = Example Aerospace GmbH
firm-example-country = Germany
firm-example-size = Large
firm-example-contacts = Anna Schmidt, head of Asia development, +49 89 0000 0000
firm-example-next-step = Send the sub-chain’s brochure
firm-example-next-step-on = 2027-01-15
field-empty-file = The file is empty: it needs a row of headings and at least one row of firms.
field-file-too-large = The file is larger than 8 MB.
field-unreadable-file = This file cannot be read: send an XLSX, XLS or CSV spreadsheet.
field-too-many-rows = The file has more than 10,000 rows; split it into several files.
field-missing-columns = The first row must name the columns, with at least the firm’s name and its country (see the template).
field-unknown-size = Not a size: Fortune Global 500, large, medium-sized or small.
field-unknown-segment = Not a segment of this sub-chain.
field-duplicate-in-file = This firm (same name and country) is already on an earlier row.
field-import-done = This spreadsheet has already been saved.
field-unknown-project = Give the number of a registered project.
field-unknown-approach = Choose a stage of the approach.
audit-action-target-firms-imported = Target firms imported
audit-action-target-firm-approach-changed = Target firm’s approach changed
chain-map-targets = { $count ->
    [one] 1 target firm
   *[other] { $count } target firms
}
chain-map-col-targets = Target firms
leads-title = Leads
leads-hint = Every lead followed one to one until it closes: one officer, a log of each contact, a next step. A lead whose next step’s day has passed is flagged for its officer and the leaders and listed first.
leads-new = Open a lead
leads-open = Open the lead
leads-search = Lead or investor
leads-counts = { $total } leads · { $overdue } overdue, { $mine } of them yours
leads-none = No lead matches.
lead-field-title = Lead
lead-field-investor = Investor
lead-field-source = Came from
lead-field-status = State
lead-field-outcome = How it ends
lead-field-reason = Reason for closing
lead-source-event = A promotion event
lead-source-delegation = A delegation
lead-source-target-firm = A target firm
lead-source-portal = An enquiry on the portal
lead-source-brochure = A project brochure
lead-source-other = Elsewhere
lead-status-open = Open
lead-status-became-project = Became a project
lead-status-closed = Closed
lead-way-visit = Visit
lead-way-meeting = Meeting
lead-way-call = Telephone call
lead-way-email = Email
lead-way-video = Video call
lead-way-event = At an event
lead-contacts = Contacts
lead-no-contacts = No contact logged yet.
lead-contact-on = Day
lead-contact-way = How
lead-contact-summary = What was said
lead-contact-by = Logged by
lead-log-contact = Log a contact
lead-close = End the lead
lead-firm-link = Open the target firm
lead-closed-because = Closed: { $reason }
firm-open-lead = Open a lead for this firm
field-unknown-lead-source = Choose where the lead came from.
field-unknown-target-firm = Not a firm of the target firm register.
field-lead-closed = This lead has ended and can no longer be changed.
field-unknown-contact-way = Choose how the contact took place.
audit-action-lead-opened = Lead opened
audit-action-lead-contact-logged = Lead contact logged
audit-action-lead-closed = Lead ended
field-not-your-firm = Another officer is in charge of this firm: ask them, or an admin, to change it.
chain-map-unnamed = An enterprise of the register

## Promoted projects (推介项目库) and the project brochure (活页)
promoted-title = Promoted projects
promoted-hint = What the city offers investors, written in Chinese with English and French beside it. A draft is the office’s alone; a published project is on the portal’s investment opportunities, where investors express interest.
promoted-new = Register a promoted project
promoted-register = Register the project
promoted-search = Title
promoted-count = { $count ->
    [one] 1 project
   *[other] { $count } projects
}
promoted-none = No promoted project matches.
promoted-field-title = Title
promoted-field-description = Description
promoted-field-offer = What the city offers
promoted-field-chain = Industry chain
promoted-field-sub-chain = Sub-chain
promoted-field-segment = Segment of the chain map
promoted-field-segment-hint = The gap or link it fills, from the sub-chain’s map (optional).
promoted-field-county = Location
promoted-field-investment = Investment
promoted-field-investment-yi = Investment (亿元)
promoted-field-investment-hint = In 亿元 (100 million yuan), for example 3.5.
promoted-field-land = Land (mu)
promoted-field-cooperation = Cooperation sought
promoted-field-officer = Officer to contact
promoted-field-status = Status
promoted-field-size = Investment size
promoted-translations-hint = Write the Chinese first; the English and French are what foreign investors read on the portal and in the brochure. A text left without them is shown in Chinese, with a note that says so.
promoted-status-draft = Draft
promoted-status-published = Published
promoted-size-under-100m = Under CNY 100 million
promoted-size-100m-1b = CNY 100 million to 1 billion
promoted-size-over-1b = CNY 1 billion and over
promoted-investment = CNY { $amount } million
promoted-land = { $mu } mu (about { $ha } ha)
promoted-published-on = since { $date }
promoted-on-portal = See it on the portal
promoted-conversion = What it brought
promoted-conversion-text = { $leads ->
    [0] No lead yet
    [one] 1 lead
   *[other] { $leads } leads
}, { $signed ->
    [0] none signed
    [one] 1 signed
   *[other] { $signed } signed
}
promoted-in-no-brochure = In no brochure issue yet
promoted-open-lead = Open a lead about it
promoted-missing-languages = Not yet written in { $languages }: readers in those languages see the Chinese, with a note that says so.
promoted-publishing = Publishing
promoted-publish = Publish on the portal
promoted-publish-hint = Once published, the project is listed among the portal’s investment opportunities and may be presented in a brochure.
promoted-unpublish = Take it back to a draft
promoted-unpublish-hint = The portal stops showing it; its leads and brochure issues keep it.
promoted-correct = Correct the project
cooperation-joint-venture = Joint venture
cooperation-wholly-owned = Wholly foreign-owned
cooperation-cooperation = Contractual cooperation
cooperation-open = Open to discussion
chain-map-promoted = { $count ->
    [one] 1 promoted project
   *[other] { $count } promoted projects
}
chain-map-col-promoted = Promoted projects
lead-field-promoted = Promoted project
lead-enquiry = The investor’s enquiry
lead-enquiry-sent = Sent
interest-field-company = Company
interest-field-country = Country of the company
interest-field-contact-name = Your name
interest-field-email = Email address
interest-field-phone = Phone
interest-field-language = Language we should write in
interest-field-message = Your message
brochures-title = Project brochure
brochures-hint = Each issue of the brochure presents published projects on a theme. The figures say how far its projects went: how many brought a lead and how many were signed since.
brochures-none = No brochure issue yet.
brochures-summary = { $issues ->
    [one] 1 issue
   *[other] { $issues } issues
} presenting { $presented ->
    [one] 1 project
   *[other] { $presented } projects
}, { $signed ->
    [0] none signed yet
    [one] 1 signed since
   *[other] { $signed } signed since
}.
brochures-all-issues = All issues (each project once)
brochures-new = Start an issue
brochures-create = Start the issue
brochure-number = Issue { $number }
brochure-field-number = Issue
brochure-field-theme = Theme
brochure-field-theme-zh = Theme in Chinese
brochure-field-theme-en = Theme in English
brochure-field-theme-fr = Theme in French
brochure-field-issued-on = Date
brochure-presented = Presented
brochure-with-leads = With a lead
brochure-signed = Signed
brochure-leads = Leads
brochure-figures = { $presented ->
    [one] 1 project presented
   *[other] { $presented } projects presented
}, { $with_leads } with a lead, { $signed } signed
brochure-empty = This issue presents no project yet.
brochure-add = Add to the issue
brochure-add-project = Published project
brochure-remove = Take out
brochure-print-en = Print in Chinese and English
brochure-print-fr = Print in Chinese and French
brochure-print-title = Investment project brochure
brochure-print-back = Back to the issue
brochure-print-chain = Industry chain:
brochure-print-location = Location:
brochure-print-investment = Investment:
brochure-print-land = Land:
brochure-print-cooperation = Cooperation sought:
brochure-print-offer = What the city offers:
brochure-print-contact = Contact:
brochure-print-not-translated = Not yet translated into English: see the Chinese beside it.
brochure-print-footer = Printed from Liaison. Figures and terms are indicative and confirmed in negotiation.
field-unknown-promoted-project = This is not a promoted project.
field-unknown-cooperation = Choose the cooperation sought.
field-segment-outside-sub-chain = This segment is on another sub-chain’s map: choose one of the sub-chain chosen.
field-not-published = Only a published project can be presented in a brochure.
field-brochure-number-taken = Another issue has this number.
field-already-in-brochure = This project is in the issue already.
audit-action-promoted-project-registered = Promoted project registered
audit-action-promoted-project-updated = Promoted project corrected
audit-action-promoted-project-published = Promoted project published
audit-action-promoted-project-unpublished = Promoted project taken back to a draft
audit-action-brochure-issue-created = Brochure issue started
audit-action-brochure-project-added = Project added to a brochure issue
audit-action-brochure-project-removed = Project taken out of a brochure issue
audit-action-interest-expressed = Interest expressed on the portal
firms-import-sending = Sending the file: { $percent }%
firms-import-checking = File sent; reading and checking its rows…
field-brochure-full = This issue presents 60 projects already: start another issue.
field-unknown-promoted-status = Choose draft or published.
lead-field-delegation = From the delegation
