nav-deadlines = Échéances
nav-service-levels = Niveaux de service
home-deadlines-text = Les dossiers à échéance proche et ceux déjà en retard.
home-service-levels-text = Délais par type de dossier en jours ouvrés, et le calendrier des jours ouvrés.
service-levels-title = Niveaux de service
service-levels-hint = Le délai de chaque type de dossier en jours ouvrés, compté à partir de l’ouverture ; les dossiers en procédure accélérée ont le plus court. Une modification s’applique aux dossiers ouverts ensuite.
service-levels-working-days = Jours ouvrés
service-levels-green-days = Procédure accélérée (jours ouvrés)
service-levels-changed = Dernière modification
calendar-title = Calendrier des jours ouvrés
calendar-hint = Du lundi au vendredi, sauf les jours fériés listés ici ; les jours de week-end listés comme jours de récupération (调休) sont travaillés. Modifier un jour déplace les échéances des dossiers ouverts concernés.
calendar-summary = { $year } : { $days ->
    [0] aucun jour ouvré
    [one] un jour ouvré
   *[other] { $days } jours ouvrés
}.
calendar-years = Années
calendar-day = Jour
calendar-kind = Type
calendar-name = Nom
calendar-remove = Retirer
calendar-add = Ajouter ou modifier un jour
calendar-kind-holiday = Jour férié
calendar-kind-workday = Jour ouvré de récupération
