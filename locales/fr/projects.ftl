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
