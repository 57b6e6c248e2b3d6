nav-dashboard = Tableau de bord
home-dashboard-text = Les chiffres du bureau pour toute période, à côté de l’année précédente.
dashboard-title = Tableau de bord
dashboard-period-year = Une année, un trimestre ou un mois
dashboard-period-range = Une période de dates
dashboard-field-year = Année
dashboard-field-quarter = Trimestre
dashboard-field-month = Mois
dashboard-field-from = Du
dashboard-field-to = Au
dashboard-whole-year = Toute l’année
dashboard-any-month = Tous les mois
dashboard-show = Afficher
dashboard-year-to-date = Cette année à ce jour
dashboard-quarter-name = T{ $quarter }
dashboard-span = du { $from } au { $to }
dashboard-comparing = { $period }, comparé à la période { $before }.
dashboard-nothing = Votre rôle ne lit aucun chiffre de ce tableau de bord.
dashboard-named-year-to-date = Cette année jusqu’au { $to }
dashboard-named-year = L’année { $year }
dashboard-named-quarter = T{ $quarter } { $year }
dashboard-named-month = { $month ->
    [1] Janvier
    [2] Février
    [3] Mars
    [4] Avril
    [5] Mai
    [6] Juin
    [7] Juillet
    [8] Août
    [9] Septembre
    [10] Octobre
    [11] Novembre
   *[12] Décembre
} { $year }
dashboard-figure = Chiffre
dashboard-today-only = à ce jour
dashboard-yi = { $amount } 亿元
dashboard-stars = { $stars } sur 5
field-quarter-or-month = Choisissez un trimestre ou un mois, pas les deux.
figure-capital-domestic = Capitaux d’autres provinces effectivement utilisés
figure-capital-foreign = Capitaux étrangers effectivement utilisés
figure-projects-on-list = Projets en réserve (signés)
figure-start-rate = Taux de démarrage
figure-completion-rate = Taux d’achèvement
figure-projects-signed = Projets signés
figure-investment-signed = Investissement signé
figure-signed-through-visits = Projets signés lors des visites des dirigeants
figure-investment-through-visits = Investissement signé lors des visites des dirigeants
figure-target-firms = Entreprises cibles au fichier
figure-promoted-published = Projets proposés publiés
figure-leads-open = Pistes ouvertes
figure-leads-overdue = Pistes dont la prochaine étape est en retard
figure-leads-opened = Pistes ouvertes sur la période
figure-brochure-issues = Numéros de la fiche de projets
figure-delegations-received = Délégations étrangères reçues
figure-visitors-received = Visiteurs reçus
figure-delegations-sent = Missions à l’étranger
figure-people-sent = Personnes en mission à l’étranger
figure-sister-cities = Villes jumelées
figure-prospective-cities = Villes amies pressenties
figure-exchange-cities = Villes d’échanges amicaux
figure-new-prospective-cities = Nouvelles villes amies pressenties
figure-enterprises = Entreprises à capitaux étrangers
figure-key-enterprises = Entreprises prioritaires
figure-new-enterprises = Entreprises enregistrées
figure-visits-overdue = Entreprises dont la visite est en retard
figure-cases-opened = Dossiers ouverts
figure-cases-resolved = Dossiers traités
figure-cases-overdue = Dossiers en retard
figure-green-channel-share = Part des dossiers en procédure accélérée
figure-satisfaction = Satisfaction des investisseurs
figure-ratings = Évaluations reçues
audit-action-figure-targets-set = Objectifs de l’année fixés
dashboard-target-of = Objectif { $year }
dashboard-set-targets = Fixer les objectifs de l’année
dashboard-below-target = en deçà de l’objectif
dashboard-target-met = objectif atteint
dashboard-target-exceeded = dépassé
dashboard-targets-title = Les objectifs de l’année
dashboard-targets-hint = Les objectifs (预期目标) au regard desquels le bureau rend compte, chacun dans l’unité de son chiffre ; laissez un champ vide pour ne fixer aucun objectif. Le tableau de bord de cette année, ou de l’année à ce jour, montre chaque chiffre à côté de son objectif.
dashboard-save-targets = Enregistrer les objectifs
dashboard-unit-count = (nombre)
dashboard-unit-yi = (亿元)
dashboard-unit-usd = (dollars US)
dashboard-unit-percent = (pour cent)
dashboard-unit-stars = (étoiles, sur 5)
