nav-delegations = Delegations
common-remove = Remove
common-actions = Actions

delegations-title = Delegations
delegations-new = New delegation
delegations-create = Register the delegation
delegations-none = No delegation matches these filters.
delegation-edit = Edit the delegation’s details
delegation-members = Members
delegation-print-programme = Print the programme
delegation-download-ics = Download the calendar (.ics)
delegation-change-status = Change the status
delegation-new-status = New status
delegation-reason = Reason
delegation-reason-hint = Needed to cancel, and to confirm a programme whose resources are double-booked.
delegation-confirmed-over-clashes = Confirmed although resources are double-booked:
delegation-clashes = { $count ->
    [one] One resource is double-booked
   *[other] { $count } double bookings of resources
}
delegation-language-gaps = No interpreter is booked for a language the members speak:
delegation-language-gap = { $language } — { $item }

delegation-field-direction = Direction
delegation-field-status = Status
delegation-field-year = Year
delegation-field-title = Title
delegation-field-organisation = Organisation
delegation-field-countries = Countries
delegation-field-countries-hint = Hold Ctrl (⌘ on a Mac) to choose several.
delegation-field-language = Language of the programme
delegation-field-language-hint = The printed programme shows Chinese beside this language.
delegation-field-starts-on = First day
delegation-field-ends-on = Last day
delegation-field-dates = Dates
delegation-field-purpose = Purpose
delegation-field-officer = Protocol officer

delegation-direction-incoming = Incoming delegation
delegation-direction-outgoing = Outgoing delegation
delegation-status-draft = Draft
delegation-status-approved = Approved
delegation-status-confirmed = Confirmed
delegation-status-in-progress = In progress
delegation-status-completed = Completed
delegation-status-cancelled = Cancelled

activity-meeting = Meeting
activity-banquet = Banquet
activity-site-visit = Site visit
activity-signing = Signing ceremony
activity-transfer = Transfer
activity-free-time = Free time

itinerary-title = Itinerary
itinerary-none = No item in the itinerary yet.
itinerary-add = Add an item to the itinerary
itinerary-add-button = Add the item
itinerary-clash-refused = Nothing was saved: these resources are already booked at that time. Choose others, change the time, or book anyway.
itinerary-book-anyway = I have seen the double bookings; book anyway
itinerary-booked-over-clashes = { $count ->
    [one] The item was saved despite one double booking.
   *[other] The item was saved despite { $count } double bookings.
}

item-field-day = Day
item-field-starts = Starts
item-field-ends = Ends
item-field-time = Time
item-field-activity = Activity
item-field-title = Item
item-field-title-zh = Title in Chinese
item-field-title-foreign = Title in the delegation’s language ({ $language })
item-field-venue = Venue
item-field-resources = Interpreters, officials and vehicles
item-field-participants = Participants
item-field-notes = Notes (internal)

member-add = Add a member
member-field-passport-name = Name as in passport
member-field-chinese-name = Chinese name
member-field-title = Title
member-field-organisation = Organisation
member-field-language = Language
member-field-dietary = Dietary needs
member-field-passport-number = Passport number

resources-title = Venues, vehicles, interpreters and officials
resources-none = No resource yet.
resources-add = Add a resource
resource-field-kind = Kind
resource-field-name = Name
resource-field-languages = Languages
resource-field-languages-hint = Interpreters: the languages they interpret to and from Chinese.
resource-field-details = Details
resource-kind-venue = Venue
resource-kind-vehicle = Vehicle
resource-kind-interpreter = Interpreter
resource-kind-official = Official

programme-title = Programme
programme-dates = { $from } to { $to }
programme-time = Time
programme-column = Programme
programme-venue = Venue:
programme-hosts = Hosts:
programme-interpreters = Interpreters:
programme-participants = Participants:
programme-members = Members of the delegation
programme-empty = The programme is not planned yet.
programme-back = Back to the delegation
programme-footer = Times are Beijing time (UTC+8).

error-booking-clashes = This booking clashes with others.
field-unknown-direction = Choose incoming or outgoing.
field-ends-before-start = The end must come after the start.
field-unknown-resource-kind = Choose a kind of resource.
field-interpreter-needs-language = Give at least one language the interpreter works in.
field-resource-name-taken = A resource of this kind already has this name.
field-invalid-time = Enter a time as HH:MM, for example 09:30.
field-unknown-activity = Choose an activity.
field-unknown-resource = Choose resources from the list.
field-day-outside-visit = The day must fall within the delegation’s dates.
field-delegation-closed = This delegation is completed or cancelled; its itinerary can no longer change.
field-clashes-need-override = Resources are double-booked: give the reason to confirm anyway, or resolve the clashes first.

audit-action-personal-data-viewed = Personal data viewed
audit-action-delegation-created = Delegation registered
audit-action-delegation-updated = Delegation edited
audit-action-delegation-status-changed = Delegation status changed
audit-action-delegation-member-added = Member added
audit-action-delegation-member-removed = Member removed
audit-action-itinerary-item-added = Itinerary item added
audit-action-itinerary-item-removed = Itinerary item removed
audit-action-resource-added = Resource added

delegations-more = More about delegations
statistics-title = Delegations in figures
gifts-register-title = Gift register
rules-title = Rules for outgoing delegations
rules-hint = An outgoing delegation that goes beyond these limits can be approved by a leader only with a written justification.
rules-max-days = Maximum number of days abroad (first and last day included)
rules-max-countries = Maximum number of countries visited
rules-max-members = Maximum number of members
rule-breaches = This outgoing delegation goes beyond the office’s rules; a leader approves it only with a written justification:
rule-breach-days = { $planned } days abroad; the rule allows { $limit }.
rule-breach-countries = { $planned } countries; the rule allows { $limit }.
rule-breach-members = { $planned } members; the rule allows { $limit }.

gifts-title = Gifts
gifts-none = No gift registered.
gifts-add = Register a gift
gift-direction-given = Given
gift-direction-received = Received
gift-field-direction = Given or received
gift-field-given-on = Date
gift-field-description = Gift
gift-field-value = Estimated value (CNY)
gift-field-giver = Given by
gift-field-receiver = Received by
gift-field-disposition = What was done with the gift
gift-field-disposition-hint = For example: handed to the office’s collection, on display in the reception hall.

outcomes-title = Outcomes
outcomes-add = Record the outcome
outcome-kind-agreement = Agreement signed
outcome-kind-lead = Investment lead
outcome-kind-other = Other outcome
outcome-field-kind = Kind
outcome-field-description = Description
outcome-field-credit-code = Enterprise concerned (credit code)
outcome-field-credit-code-hint = Optional: the unified social credit code of a registered enterprise.

statistics-incoming = { $delegations ->
    [one] One incoming delegation
   *[other] { $delegations } incoming delegations
}, { $people ->
    [one] one visitor
   *[other] { $people } visitors
}
statistics-outgoing = { $delegations ->
    [one] One outgoing delegation
   *[other] { $delegations } outgoing delegations
}, { $people ->
    [one] one member
   *[other] { $people } members
}
statistics-hint = Cancelled delegations are not counted. A delegation counts in the month of its first day; one from several countries counts once for each of them.
statistics-by-month = By month
statistics-by-country = By country
statistics-month = Month
statistics-delegations = Delegations
statistics-people = People
statistics-month-name = { $month ->
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
}

field-unknown-gift-direction = Choose given or received.
field-unknown-outcome-kind = Choose a kind of outcome.
field-outcome-too-early = Outcomes are recorded once the delegation is under way or completed.
field-mission-rules-breached = This outgoing delegation goes beyond the office’s rules: write the justification to approve it.
field-limit-out-of-range = Enter a whole number above zero (up to 365 days, 50 countries, 200 members).
field-invalid-yuan-amount = Enter an amount in yuan, such as 1,200 or 350.50.
audit-action-delegation-gift-registered = Gift registered
audit-action-delegation-outcome-recorded = Outcome recorded
audit-action-mission-rules-changed = Rules for outgoing delegations changed

agenda-title = Calendar
agenda-view = Show
agenda-month = Month
agenda-week = Week
agenda-date = Date
agenda-resource = Resource
agenda-delegation = Delegation
agenda-previous = ← Previous
agenda-next = Next →
agenda-month-of = { $month ->
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

resource-field-email = Email (for the programme)
resource-field-email-hint = An official, an interpreter or a car’s driver receives their part of the programme here.
resource-field-language = Language of the programme sent to them
resource-field-user = Staff account
resource-field-user-hint = Optional: the bookings then show in that person’s calendar feed.
programme-send-title = Send the programme
programme-send-hint = Each official, interpreter and driver with an email address receives the items they take part in, in their language, with a calendar file.
programme-send = Send the programme to those involved
programme-sent = { $count ->
    [one] The programme is on its way to one person.
   *[other] The programme is on its way to { $count } people.
}
field-programme-not-ready = The programme can be sent once the delegation is approved, and until it is completed.
field-nobody-to-send-to = No official, interpreter or driver booked on the itinerary has an email address.
feed-title = My calendar feed
feed-hint = A private address your calendar (Outlook, Apple Calendar, Google) subscribes to: it shows the delegation items you take part in. Anyone with the address can read it; replace it if it leaks.
feed-create = Create my calendar address
feed-replace = Replace my calendar address
feed-end = Stop my calendar feed
feed-created = Your calendar address, shown only now: copy it into your calendar. The previous one, if any, no longer works.
feed-name = Liaison: my delegation programme
mail-programme-subject = Programme: { $delegation }
mail-programme-intro = You take part in the following items of the programme of { $delegation } (Beijing time):
mail-programme-calendar = The attached calendar file adds these items to your calendar.
audit-action-delegation-programme-sent = Programme sent

itinerary-edit = Change the item
itinerary-edit-cancel = Cancel
common-edit = Change
audit-action-itinerary-item-updated = Itinerary item changed

resource-retire = Retire
audit-action-resource-retired = Resource retired

home-delegations-text = Incoming and outgoing delegations, their itineraries, bookings and gifts.

outcome-became-project = became the project
outcome-register-project = Register it as an investment project
outcome-open-lead = Follow it as a lead
