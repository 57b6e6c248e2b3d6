## Les dates, telles que les listes et les pages les affichent (app/src/i18n.rs les lit une fois par langue).

# Une date : 1 janv. 2027.
date-pattern = { $day } { $month } { $year }
# Une date et une heure, sur 24 heures ($time vaut 00:30) : 1 janv. 2027 à 00:30.
datetime-pattern = { $date } à { $time }

month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.

# Du lundi au dimanche.
weekday-short-1 = lun.
weekday-short-2 = mar.
weekday-short-3 = mer.
weekday-short-4 = jeu.
weekday-short-5 = ven.
weekday-short-6 = sam.
weekday-short-7 = dim.
