nav-deadlines = Deadlines
nav-service-levels = Service levels
home-deadlines-text = Cases at risk of missing their deadline, and those already overdue.
home-service-levels-text = Deadlines per case type in working days, and the working calendar.
service-levels-title = Service levels
service-levels-hint = Each case type’s deadline in working days, counted from the day a case is opened; green-channel cases get the shorter one. A change applies to cases opened afterwards.
service-levels-working-days = Working days
service-levels-green-days = Green channel (working days)
service-levels-changed = Last changed
calendar-title = Working calendar
calendar-hint = Monday to Friday are working days, except the public holidays listed here; weekend days listed as make-up working days (调休) are worked. Changing a day moves the deadlines of open cases it reaches.
calendar-summary = { $year }: { $days ->
    [one] one working day
   *[other] { $days } working days
}.
calendar-years = Years
calendar-day = Day
calendar-kind = Kind
calendar-name = Name
calendar-remove = Remove
calendar-add = Add or change a day
calendar-kind-holiday = Public holiday
calendar-kind-workday = Make-up working day
