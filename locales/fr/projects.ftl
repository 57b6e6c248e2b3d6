nav-projects = Projets d’investissement
home-projects-text = Les projets d’investissement, de la première piste à l’achèvement, avec l’examen des trois critères et le journal de chaque étape.

projects-title = Projets d’investissement
projects-new = Enregistrer un projet
projects-register = Enregistrer
projects-mine-only = Seulement les projets que je suis
projects-count = { $count ->
    [0] Aucun projet
    [one] Un projet
   *[other] { $count } projets
}, { $amount } 亿元 (× 100 M CNY) au total
projects-count-many = Plus de { $total } projets correspondent : affinez le filtre pour voir leur investissement total.
project-edit = Modifier les informations du projet
projects-none = Aucun projet ne correspond.

project-stage-lead = Piste
project-stage-negotiating = En négociation
project-stage-signed = Signé
project-stage-started = Démarré
project-stage-completed = Achevé
project-stage-dropped = Abandonné
project-aspect-authenticity = Authenticité
project-aspect-legality = Légalité
project-aspect-feasibility = Faisabilité
project-capital-domestic = Capitaux d’autres provinces
project-capital-foreign = Capitaux étrangers
project-capital-other = Autre
project-source-event = Événement de promotion (salon, campagne, forum)
project-source-leader-visit = Visite d’un dirigeant
project-source-delegation = Résultat d’une délégation
project-source-brochure = Catalogue des projets
project-source-portal = Demande reçue par le portail
project-source-other = Autre
project-review-passed = Favorable
project-review-failed = Défavorable

project-field-name = Nom du projet
project-field-investor = Investisseur
project-field-investor-country = Pays de l’investisseur
project-field-investor-country-hint = Laisser vide pour un investisseur d’une autre province de Chine.
project-field-investor-province = Province d’origine
project-field-total-investment = Investissement total (亿元)
project-field-total-investment-hint = En 亿元 (100 millions de CNY), avec un point décimal et au plus quatre décimales (12.5 pour 1,25 milliard de CNY).
project-field-capital-kind = Nature des capitaux
project-field-source = Provenance
project-field-stage = Étape
project-field-stage-hint = Un projet n’est signé qu’une fois l’examen des trois critères favorable, à consigner sur sa page.
project-field-leader = Dirigeant référent
project-no-leader = Aucun dirigeant référent
project-since = Depuis le
project-dropped-from = Abandonné à l’étape

projects-review-heading = Examen des trois critères (authenticité, légalité, faisabilité)
projects-review-hint = Avant la signature, le dernier examen de chaque critère doit être favorable. Un examen défavorable reste consigné jusqu’à ce qu’un examen ultérieur soit favorable.
projects-blocking = Le projet ne peut pas encore être signé. Critères encore à valider : { $aspects }.
projects-no-reviews = Aucun examen consigné pour l’instant.
project-field-aspect = Critère
project-field-verdict = Résultat
project-field-finding = Constat
project-field-reviewed-on = Date de l’examen
project-reviewer = Examinateur
projects-record-review = Consigner un examen
project-date-hint = Laisser vide pour aujourd’hui.

projects-stages-heading = Avancement
projects-stage-log = Journal des étapes
projects-move = Changer d’étape
project-field-to-stage = Nouvelle étape
project-field-moved-on = Date du changement
project-field-reason = Motif
project-field-reason-hint = Obligatoire pour revenir à l’étape précédente, abandonner le projet ou le reprendre.
project-log-registered = Enregistrement ({ $stage })
project-field-move = Changement
project-moved-by = Par

field-unknown-capital-kind = Choisissez la nature des capitaux dans la liste.
field-unknown-source = Choisissez la provenance du projet dans la liste.
field-unknown-stage = Choisissez une étape dans la liste.
field-unknown-aspect = Choisissez l’authenticité, la légalité ou la faisabilité.
field-reviews-pending = Les trois examens doivent être favorables avant la signature du projet.
field-invalid-yi-amount = Indiquez l’investissement en 亿元 (100 millions de yuans) avec un point décimal et quatre décimales au plus, par exemple 12.5.
field-stage-not-allowed = Le projet ne peut pas passer à cette étape depuis l’étape actuelle.
field-move-needs-reason = Indiquez pourquoi : revenir à une étape précédente, abandonner un projet ou le reprendre exige un motif.
field-reviews-closed = Le projet est signé : ses examens sont clos.

field-year = Année
projects-year-hint = L’année où le projet a atteint son étape.
projects-sort = Ordre
projects-sort-latest = Dernier changement d’étape d’abord
projects-sort-investment = Les plus gros investissements d’abord
projects-sort-name = Par nom
project-field-county = District
project-field-park = Parc d’activités
project-field-event = Événement de promotion
project-field-event-hint = Obligatoire pour un projet issu d’un événement de promotion.
project-field-since = Étape atteinte le
project-field-since-hint = Laissez vide pour aujourd’hui ; pour un projet déjà suivi, indiquez le jour où il a commencé.
project-field-enclave-partner = Enclave : district partenaire
project-field-enclave-hint = Seulement pour un projet accueilli pour un autre district (飞地项目) : ce district et sa part des recettes.
project-field-enclave-share = Part des recettes du district partenaire (%)
project-enclave = { $partner }, { $share } % des recettes

events-title = Événements de promotion
events-new = Enregistrer un événement
events-record = Enregistrer
events-none = Aucun événement de promotion enregistré pour cette période.
events-correct = Corriger l’événement
events-signed = Signés
events-started = Démarrés
events-completed = Achevés
events-latest-only = { $count ->
    [0] Aucun événement
    [one] Le dernier événement seulement : choisissez une année pour voir tous ceux de l’année.
   *[other] Les { $count } derniers événements seulement : choisissez une année pour voir tous ceux de l’année.
}
events-produced-hint = Chiffres tirés des projets rattachés à l’événement : ceux qui y ont été signés et sont toujours en réserve ou au-delà (une signature annulée ou un projet abandonné ne compte plus).
event-field-kind = Type
event-field-name = Nom
event-field-days = Dates
event-field-starts-on = Premier jour
event-field-ends-on = Dernier jour
event-field-ends-on-hint = Laissez vide pour un événement d’une journée.
event-field-place = Lieu
event-field-organiser = Organisateur
event-field-leader = Dirigeant
event-kind-trade-fair = Salon
event-kind-campaign = Campagne thématique
event-kind-roadshow = Tournée de présentation
event-kind-forum = Forum
event-kind-leader-visit = Visite d’un dirigeant
event-projects-heading = Projets issus de cet événement
event-produced = { $signed ->
    [0] Aucun projet signé
    [one] Un projet signé
   *[other] { $signed } projets signés
}, { $amount } 亿元 (× 100 millions de CNY) au total ; { $started ->
    [0] aucun démarré
    [one] un démarré
   *[other] { $started } démarrés
}, { $completed ->
    [0] aucun achevé
    [one] un achevé
   *[other] { $completed } achevés
}.

rates-title = Taux de démarrage et d’achèvement
rates-cohort = Quels projets
rates-cohort-signed = Signés pendant une période
rates-cohort-on-list = En réserve ou au-delà à une date
rates-from = Du
rates-to = Au
rates-at = Le
rates-show = Afficher
rates-of-signed = Projets signés du { $from } au { $to }, tels qu’ils étaient le { $to }.
rates-of-on-list = Projets en réserve ou au-delà le { $day }, tels qu’ils étaient ce jour-là.
rates-signed = Signés
rates-started = Démarrés
rates-completed = Achevés
rates-start-rate = Taux de démarrage
rates-completion-rate = Taux d’achèvement
rates-by-chain = Par filière
rates-by-county = Par district
rates-none = Aucun projet dans cette cohorte.
rates-not-given = Non renseigné
rates-definitions = Comment les chiffres sont comptés
rates-definition-start = Taux de démarrage = démarrés ÷ signés. Un projet achevé compte comme démarré.
rates-definition-completion = Taux d’achèvement = achevés ÷ signés.
rates-definition-signed = Signés pendant une période : les projets dont la première signature tombe dans la période (une signature annulée puis refaite compte une fois), à l’étape où ils étaient le dernier jour.
rates-definition-on-list = En réserve ou au-delà à une date : les projets à l’étape signé, démarré ou achevé ce jour-là (ni abandonnés ni revenus avant la signature).
rates-definition-log = Chaque chiffre est lu dans le journal daté des changements d’étape, jamais dans la seule étape actuelle d’un projet.

counties-title = Districts
counties-hint = Là où les projets sont réalisés. Un district se renomme ici, il ne se supprime jamais, pour que les projets et les chiffres qui le citent gardent leur place.
counties-none = Aucun district pour l’instant : ajoutez ci-dessous les districts de la ville.
counties-add = Ajouter un district
counties-name-zh = Nom en chinois
counties-name-en = Nom en anglais
counties-name-fr = Nom en français
counties-sort-order = Place dans la liste

field-name-taken = Un autre district porte déjà ce nom.
field-unknown-county = Choisissez un district dans la liste.
field-outside-county = Vous ne suivez que les projets de votre district : choisissez-le, ou laissez le champ vide.
field-county-required = Un agent de district doit être rattaché à un district.
field-unknown-event = Choisissez un événement de promotion dans la liste.
field-event-required = Choisissez l’événement de promotion dont vient le projet.
field-unknown-event-kind = Choisissez le type d’événement dans la liste.
field-invalid-share = Indiquez un pourcentage entier, de 0 à 100.
field-enclave-needs-both = Un projet en enclave indique à la fois le district partenaire et sa part des recettes.
field-unknown-cohort = Choisissez les projets signés pendant une période ou ceux en réserve à une date.

capital-heading = Capitaux mobilisés
capital-hint = Ce que les investisseurs ont effectivement versé, mois par mois : capitaux nationaux en 亿元 (× 100 millions de CNY), capitaux étrangers en dollars américains. Saisir de nouveau un mois le corrige.
capital-none = Aucun capital mobilisé enregistré pour l’instant.
capital-month = Mois
capital-domestic = Capitaux nationaux (亿元)
capital-foreign = Capitaux étrangers (USD)
capital-recorded-by = Saisi par
capital-total = Total
capital-record = Enregistrer le mois
rates-capital = Capitaux mobilisés sur la période : { $domestic } 亿元 de capitaux nationaux et { $foreign } de capitaux étrangers.
field-not-signed-yet = Les capitaux s’enregistrent une fois le projet signé.

leader-tasks-title = Objectifs des dirigeants
leader-tasks-hint = Les objectifs de chaque dirigeant pour l’année, et les projets qui y comptent : ceux dont il est le dirigeant référent ou qui ont été signés lors de sa propre visite, signés pour la première fois dans l’année et toujours en réserve ou au-delà.
leader-tasks-none = Aucun objectif fixé pour cette année.
leader-tasks-target-projects = Objectif (projets)
leader-tasks-signed = Signés
leader-tasks-progress = Avancement
leader-tasks-target-investment = Objectif (亿元)
leader-tasks-investment = Signé (亿元)
leader-tasks-set = Fixer l’objectif

checks-heading = Bilans de santé et vérifications sur site
checks-next = Prochain bilan à faire d’ici le { $day }.
checks-none = Aucun bilan enregistré pour l’instant.
checks-record = Enregistrer un bilan
checks-case = Dossier
checks-checked-by = Fait par
checks-no-department = Le garder sur le projet
check-kind-health-check = Bilan de santé
check-kind-site-visit = Vérification sur site
check-field-kind = Type de bilan
check-field-checked-on = Date du bilan
check-field-progress = Avancement (%)
check-field-findings = Constats
check-field-problem = Problème relevé
check-field-department = Transmettre le problème à
check-field-department-hint = Le problème devient un dossier avec une tâche pour ce service, que vous suivez comme les autres.
checks-overdue-title = Bilans en retard
checks-overdue-hint = Projets démarrés sans bilan depuis plus { $days ->
    [0] de zéro jour
    [one] d’un jour
   *[other] de { $days } jours
} après leur démarrage ou leur dernier bilan.
checks-longest-only = { $count ->
    [0] Aucun contrôle en retard
    [one] Le plus ancien est listé ; choisissez un dirigeant pour voir les siens.
   *[other] Les { $count } plus anciens sont listés ; choisissez un dirigeant pour voir les siens.
}
checks-overdue-none = Aucun bilan en retard.
checks-last = Démarré ou dernier bilan
checks-due = À faire d’ici le
checks-interval = Jours entre deux bilans
checks-interval-days = Jours
field-unknown-check-kind = Choisissez un bilan de santé ou une vérification sur site.
field-not-started = Seul un projet démarré fait l’objet d’un bilan.
project-field-credit-code = Code de crédit de son entreprise
project-field-credit-code-hint = Quand l’investisseur a immatriculé sa société ici : le code unifié de crédit social rattache le projet à l’entreprise, et les dossiers ouverts pour le projet lui appartiennent.
project-field-enterprise = Entreprise

project-field-lead = Piste d’investissement d’une délégation
project-field-lead-hint = Pour un projet né d’une délégation : la piste qu’elle a enregistrée. Chaque piste devient un seul projet.
field-unknown-lead = Choisissez dans la liste une piste d’investissement d’une délégation.
field-lead-taken = Un autre projet a déjà été enregistré à partir de cette piste.
field-lead-needs-delegation-source = Un projet issu de la piste d’une délégation a pour origine « Résultat d’une délégation ».

project-field-sub-chain = Sous-filière
project-field-sub-chain-hint = Au sein de la filière industrielle ; en choisir une sans filière fixe sa filière.
field-unknown-sub-chain = Choisissez une sous-filière dans la liste.
field-sub-chain-outside-chain = Cette sous-filière appartient à une autre filière que celle choisie.
chains-title = Filières industrielles
chains-hint = Les filières industrielles et, sous chacune, ses sous-filières. Une filière ou une sous-filière se renomme ici, sans jamais être supprimée, afin que les projets et les entreprises qui la nomment gardent leur place.
chains-add = Ajouter une filière industrielle
chains-edit = Modifier
chains-add-sub-chain = Ajouter une sous-filière
checks-yours = le vôtre
