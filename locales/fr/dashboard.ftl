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
figure-brochure-presented = Projets présentés dans la fiche de projets
figure-brochure-signed = Projets de la fiche signés
figure-sub-chains = Sous-filières industrielles
figure-policies-withdrawn = Textes de politique d’investissement abrogés
dashboard-new-cities = Nouvelles villes amies pressenties : { $names }
dashboard-events = Événements de promotion de la période et leurs signatures
dashboard-event = Événement
dashboard-event-day = Premier jour
dashboard-review-title = Bilan de l’année { $year }
dashboard-review-hint = Rédigé à partir des données de l’année : à imprimer en A4, ou à télécharger pour Word et à coller dans un rapport.
dashboard-review-docx = Document Word
review-title = Bilan de l’année { $year }
review-office = Bureau des affaires étrangères · Bureau de promotion des investissements
review-written = Rédigé par Liaison à partir de ses données le { $day }.
review-heading-projects = Projets d’investissement
review-heading-promotion = Promotion des investissements
review-heading-delegations = Délégations reçues et missions à l’étranger
review-heading-cities = Villes jumelées et villes amies
review-heading-enterprises = Entreprises à capitaux étrangers
review-heading-cases = Demandes des entreprises
review-yuan = { $amount } milliards de yuans
review-dollars = { $amount } millions de dollars US
review-projects-list = { $list } projets sont en réserve (signés), avec un taux de démarrage de { $start } et un taux d’achèvement de { $completion }.
review-projects-signed = { $count ->
    [0] Aucun projet n’a été signé
    [one] Un projet a été signé
   *[other] { $count } projets ont été signés
} dans l’année, pour un investissement total de { $amount }.
review-projects-event = L’événement « { $event } » a permis de signer { $count ->
    [0] aucun projet
    [one] un projet
   *[other] { $count } projets
}, pour un investissement total de { $amount }.
review-projects-visits = Les visites des dirigeants de la ville ont permis de signer { $count ->
    [0] aucun projet
    [one] un projet
   *[other] { $count } projets
}, pour un investissement total de { $amount }.
review-projects-capital = Les capitaux mobilisés venus d’autres provinces atteignent { $domestic }, et les investissements étrangers effectivement réalisés { $foreign }.
review-promotion-libraries = Le fichier des entreprises cibles compte { $firms } entreprises et les projets proposés sont au nombre de { $promoted }, sur { $chains } sous-filières industrielles.
review-promotion-brochure = { $issues ->
    [0] Aucun numéro
    [one] Un numéro
   *[other] { $issues } numéros
} de la fiche de projets { $issues ->
    [0] n’a
    [one] a
   *[other] ont
} présenté { $presented } projets, dont { $signed ->
    [0] aucun n’a été signé.
    [one] un a été signé.
   *[other] { $signed } ont été signés.
}
review-promotion-leads = { $opened ->
    [0] Aucune piste d’investissement n’a été ouverte
    [one] Une piste d’investissement a été ouverte
   *[other] { $opened } pistes d’investissement ont été ouvertes
} ; { $open ->
    [0] aucune n’est suivie.
    [one] une est suivie.
   *[other] { $open } sont suivies.
}
review-promotion-policies = { $withdrawn ->
    [0] Aucun texte de politique d’investissement n’a été abrogé.
    [one] Un texte de politique d’investissement non conforme a été abrogé.
   *[other] { $withdrawn } textes de politique d’investissement non conformes ont été abrogés.
}
review-delegations-received = La ville a reçu { $count ->
    [0] aucune délégation étrangère
    [one] une délégation étrangère
   *[other] { $count } délégations étrangères
}, soit { $people ->
    [0] aucun visiteur.
    [one] un visiteur.
   *[other] { $people } visiteurs.
}
review-delegations-sent = Elle a envoyé { $count ->
    [0] aucune mission à l’étranger
    [one] une mission à l’étranger
   *[other] { $count } missions à l’étranger
}, soit { $people ->
    [0] aucun participant.
    [one] un participant.
   *[other] { $people } participants.
}
review-cities-new = { $count ->
    [0] Aucune nouvelle ville amie pressentie
    [one] Une nouvelle ville amie pressentie
   *[other] { $count } nouvelles villes amies pressenties
} : { $names }.
review-cities-standing = La ville compte { $sister ->
    [0] aucune ville jumelée
    [one] une ville jumelée
   *[other] { $sister } villes jumelées
}, { $prospective ->
    [0] aucune ville amie pressentie
    [one] une ville amie pressentie
   *[other] { $prospective } villes amies pressenties
} et { $exchange ->
    [0] aucune ville d’échanges amicaux.
    [one] une ville d’échanges amicaux.
   *[other] { $exchange } villes d’échanges amicaux.
}
review-enterprises = La ville compte { $all } entreprises à capitaux étrangers, dont { $key ->
    [0] aucune entreprise étrangère prioritaire
    [one] une entreprise étrangère prioritaire
   *[other] { $key } entreprises étrangères prioritaires
} ; { $new ->
    [0] aucune n’a été créée dans l’année.
    [one] une a été créée dans l’année.
   *[other] { $new } ont été créées dans l’année.
}
review-cases = Le bureau a reçu { $opened } demandes et en a traité { $resolved } ; la procédure accélérée en a traité { $green }.
review-cases-speed = { $rate } des demandes traitées l’ont été dans les délais ; délai médian de traitement, en jours ouvrés : { $median }.
review-cases-departments = Tâches accomplies par les administrations pour les entreprises : { $departments }.
review-cases-department = { $name } : { $done ->
    [0] aucune tâche
    [one] une tâche
   *[other] { $done } tâches
}, délai médian de { $median } jours ouvrés
review-cases-rated = Les entreprises ont évalué le service { $ratings ->
    [0] aucune fois
    [one] une fois
   *[other] { $ratings } fois
}, en moyenne { $stars } sur 5.
figure-on-time-rate = Dossiers traités dans les délais
figure-median-days = Délai médian de traitement d’un dossier (jours ouvrés)
dashboard-unit-days = (jours ouvrés)
dashboard-csv = CSV
dashboard-table-empty = Rien à montrer pour cette période.
dashboard-label-none = Non renseigné
dashboard-table-projects-by-month = Projets signés, mois par mois
dashboard-table-funnel = La liste des projets, de la signature à l’achèvement
dashboard-table-chains = Projets de la liste par filière
dashboard-table-counties = Projets de la liste par district
dashboard-table-leader-tasks = Objectifs des dirigeants
dashboard-table-firms-by-chain = Entreprises cibles par filière
dashboard-table-delegations-by-month = Délégations reçues et missions à l’étranger, mois par mois
dashboard-table-delegation-countries = Délégations par pays
dashboard-table-enterprise-countries = Entreprises à capitaux étrangers par pays
dashboard-table-cases-by-month = Dossiers ouverts et traités, mois par mois
dashboard-table-case-types = Dossiers par type
dashboard-table-departments = Tâches des administrations et leurs délais
dashboard-column-month = Mois
dashboard-column-stage = Étape
dashboard-column-on-list = Sur la liste
dashboard-column-chain = Filière
dashboard-column-county = District
dashboard-column-country = Pays ou région
dashboard-column-case-type = Type de demande
dashboard-column-department = Administration
dashboard-column-leader = Dirigeant
dashboard-column-projects = Projets
dashboard-column-investment = Investissement (亿元)
dashboard-column-started = Démarrés
dashboard-column-completed = Achevés
dashboard-column-start-rate = Taux de démarrage (en pourcentage)
dashboard-column-target-projects = Objectif, projets
dashboard-column-target-investment = Objectif, investissement (亿元)
dashboard-column-firms = Entreprises cibles
dashboard-column-delegations-received = Délégations reçues
dashboard-column-visitors-received = Visiteurs reçus
dashboard-column-delegations-sent = Missions à l’étranger
dashboard-column-people-sent = Participants aux missions
dashboard-column-enterprises = Entreprises
dashboard-column-opened = Ouverts
dashboard-column-resolved = Traités
dashboard-column-on-time-rate = Traités dans les délais (en pourcentage)
dashboard-column-median-days = Délai médian (jours ouvrés)
dashboard-column-tasks-assigned = Tâches confiées
dashboard-column-tasks-done = Tâches accomplies
dashboard-column-tasks-open = En cours aujourd’hui
dashboard-column-tasks-overdue = En retard aujourd’hui
