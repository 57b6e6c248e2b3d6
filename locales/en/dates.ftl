## Dates, as every list and page shows them (app/src/i18n.rs reads these once per language).
## Another language writes its own month and weekday names and patterns here.

# A date: 1 Jan 2027.
date-pattern = { $day } { $month } { $year }
# A date and a time of day, 24-hour clock ($time is 00:30): 1 Jan 2027, 00:30.
datetime-pattern = { $date }, { $time }

month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

# Monday to Sunday.
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
