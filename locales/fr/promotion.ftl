nav-promotion = Promotion des investissements
home-promotion-text = La cartographie des filières et leurs lacunes, et les textes de la ville en faveur de l’investissement : ceux en vigueur, présentés aux investisseurs sur le portail, et ceux abrogés, avec leur motif.
policies-title = Politiques d’investissement
policies-new = Enregistrer un texte
policies-register = Enregistrer
policies-hint = Les textes de la ville en faveur de l’investissement. Ceux en vigueur figurent sur le portail des investisseurs, avec leur titre et leur résumé en anglais et en français lorsqu’ils sont rédigés.
policies-search = Titre ou numéro du texte
policies-counts = En vigueur : { $in_force } · abrogés : { $withdrawn }
policies-none = Aucun texte ne correspond.
policies-correct = Corriger ce texte
policies-withdraw = Abroger ce texte
policies-withdraw-hint = Un texte abrogé quitte le portail et ne peut plus être modifié ; le registre le conserve avec la date et le motif.
policy-field-title = Titre
policy-field-title-zh = Titre en chinois
policy-field-title-en = Titre en anglais
policy-field-title-fr = Titre en français
policy-field-issuer = Émis par
policy-field-doc-number = Numéro du texte
policy-field-doc-number-hint = Tel qu’imprimé sur le texte, par exemple 市政发〔2025〕12号 ; laisser vide s’il n’en a pas.
policy-field-issued-on = Date d’émission
policy-field-summary = Résumé
policy-field-summary-zh = Résumé en chinois
policy-field-summary-en = Résumé en anglais
policy-field-summary-fr = Résumé en français
policy-translations-hint = Les investisseurs lisent le titre et le résumé en anglais ou en français ; si l’un est laissé vide, le portail affiche le chinois et le signale.
policy-not-translated = Non rédigé dans cette langue.
policy-field-status = Statut
policy-status-in-force = En vigueur
policy-status-withdrawn = Abrogé
policy-withdrawn-on = Abrogé le { $date }
policy-withdrawn-because = Abrogé : { $reason }
policy-field-withdrawn-on = Date d’abrogation
policy-field-withdrawn-reason = Motif de l’abrogation
field-doc-number-taken = Un autre texte porte déjà ce numéro.
field-policy-withdrawn = Ce texte a été abrogé et ne peut plus être modifié.
field-withdrawn-before-issued = Un texte ne peut pas être abrogé avant sa date d’émission.
audit-action-policy-registered = Texte d’investissement enregistré
audit-action-policy-updated = Texte d’investissement corrigé
audit-action-policy-withdrawn = Texte d’investissement abrogé
chain-maps-title = Cartographie des filières
chain-maps-hint = Les maillons de chaque sous-filière, de l’amont à l’aval ; les entreprises du registre présentes dans chacun ; et les lacunes, les maillons où la ville n’a encore aucune entreprise, que sa prospection vise.
chain-maps-none = Aucune sous-filière pour l’instant. Les administrateurs les ajoutent sous Projets, Filières industrielles.
chain-maps-sub-chain = Sous-filière
chain-maps-segments = Maillons
chain-maps-gaps = Lacunes
chain-link-upstream = Amont
chain-link-midstream = Intermédiaire
chain-link-downstream = Aval
chain-map-diagram = Carte de la sous-filière { $name } ; le tableau ci-dessous reprend les mêmes maillons.
chain-map-summary = { $segments } maillons, { $gaps } lacunes
chain-map-present = { $count ->
    [0] Aucune entreprise présente
    [one] 1 entreprise présente
   *[other] { $count } entreprises présentes
}
chain-map-gap = Lacune
chain-map-covered = Présent
chain-map-empty = Cette sous-filière n’a encore aucun maillon.
chain-map-col-link = Position
chain-map-col-segment = Maillon
chain-map-col-enterprises = Entreprises locales
chain-map-col-state = État
chain-map-add-segment = Ajouter un maillon
chain-map-rename = Renommer
chain-map-remove = Retirer
chain-map-add-enterprise = Placer une entreprise dans un maillon
field-unknown-link = Choisissez amont, intermédiaire ou aval.
field-already-in-segment = Cette entreprise figure déjà dans ce maillon.
audit-action-chain-segment-added = Maillon de filière ajouté
audit-action-chain-segment-renamed = Maillon de filière renommé
audit-action-segment-enterprise-added = Entreprise placée dans un maillon
audit-action-segment-enterprise-removed = Entreprise retirée d’un maillon
firms-title = Entreprises cibles
firms-hint = Les entreprises que la ville veut attirer : les maillons où chacune s’inscrit, son chargé de liaison et l’état de la prospection. Les prochaines étapes dont la date est passée sont signalées et listées en premier.
firms-import = Importer un tableur
firms-imported = Les entreprises du tableur sont enregistrées.
firms-search = Nom
firms-only-overdue = Prochaine étape en retard
firms-only-mine = Les miennes seulement
firms-counts = { $total } entreprises · { $overdue } en retard
firms-none = Aucune entreprise cible ne correspond.
firms-overdue-flag = En retard
firms-import-hint = Un tableur XLSX, XLS ou CSV dont la première ligne nomme les colonnes (comme le modèle ; le nom et le pays de l’entreprise sont requis). Rien n’est enregistré avant que vous ayez vu chaque ligne et confirmé. Une entreprise déjà inscrite sous le même nom et le même pays est mise à jour, pas ajoutée une seconde fois.
firms-template = Télécharger le modèle (CSV)
firms-template-file = modele-entreprises-cibles
firms-import-file = Tableur
firms-import-read = Lire le fichier
firms-import-preview = Vérifier les lignes avant d’enregistrer
firms-import-summary = { $file } : { $total ->
    [0] aucune ligne
    [one] 1 ligne
   *[other] { $total } lignes
} ; nouvelles entreprises : { $new }, mises à jour : { $updates }, refusées : { $refused }.
firms-import-refused = { $count ->
    [0] Aucune ligne refusée
    [one] 1 ligne refusée
   *[other] { $count } lignes refusées
}
firms-import-fix = Les lignes refusées ne seront pas enregistrées. Corrigez-les dans le tableur et importez-le de nouveau : les entreprises enregistrées maintenant seront alors mises à jour, sans doublon.
firms-import-good = { $count ->
    [0] Aucune ligne à enregistrer
    [one] Une ligne à enregistrer
   *[other] { $count } lignes à enregistrer
}, les { $shown } premières listées
firms-import-confirm = { $count ->
    [0] Aucune entreprise à enregistrer
    [one] Enregistrer 1 entreprise
   *[other] Enregistrer { $count } entreprises
}
firms-import-again = Importer un autre fichier
firms-import-done = Ce tableur a été enregistré.
firms-import-line = Ligne
firms-import-result = Résultat
firms-import-new = Nouvelle entreprise
firms-import-updates = Met à jour l’entreprise
firm-field-name = Entreprise
firm-field-country = Pays
firm-field-size = Taille
firm-field-officer = Chargé(e) de liaison
firm-field-status = Prospection
firm-field-next-step = Prochaine étape
firm-field-website = Site web
firm-field-contacts = Personnes à contacter
firm-field-last-contact = Dernier contact
firm-field-project = Numéro du projet
firm-field-declined-reason = Motif du refus
firm-approach = Prospection et prochaine étape
firm-project-link = Ouvrir le projet
firm-declined-because = A décliné : { $reason }
approach-not-contacted = Pas encore contactée
approach-contacted = Contactée
approach-interested = Intéressée
approach-negotiating = En négociation
approach-became-project = Devenue un projet
approach-declined = A décliné
firm-size-global-500 = Entreprise du Fortune Global 500
firm-size-large = Grande entreprise
firm-size-medium = Entreprise moyenne
firm-size-small = Petite entreprise
firm-column-name = Nom
firm-column-name-zh = Nom chinois
firm-column-country = Pays
firm-column-sub-chain = Sous-filière
firm-column-segments = Maillons
firm-column-size = Taille
firm-column-website = Site web
firm-column-contacts = Personnes à contacter
firm-column-officer = Chargé de liaison
firm-column-next-step = Prochaine étape
firm-column-next-step-on = Prochaine étape le
firm-example-name = Exemple Aéronautique SA
firm-example-country = France
firm-example-size = Grande entreprise
firm-example-contacts = Claire Martin, directrice Asie, +33 1 00 00 00 00
firm-example-next-step = Envoyer la plaquette de la sous-filière
firm-example-next-step-on = 2027-01-15
field-empty-file = Le fichier est vide : il faut une ligne d’en-têtes et au moins une ligne d’entreprise.
field-file-too-large = Le fichier dépasse 8 Mo.
field-unreadable-file = Ce fichier ne peut pas être lu : envoyez un tableur XLSX, XLS ou CSV.
field-too-many-rows = Le fichier compte plus de 10 000 lignes ; répartissez-les en plusieurs fichiers.
field-missing-columns = La première ligne doit nommer les colonnes, avec au moins le nom de l’entreprise et son pays (voir le modèle).
field-unknown-size = Taille inconnue : Fortune Global 500, grande, moyenne ou petite entreprise.
field-unknown-segment = Ce n’est pas un maillon de cette sous-filière.
field-duplicate-in-file = Cette entreprise (même nom et même pays) figure déjà sur une ligne précédente.
field-import-done = Ce tableur a déjà été enregistré.
field-unknown-project = Indiquez le numéro d’un projet enregistré.
field-unknown-approach = Choisissez une étape de la prospection.
audit-action-target-firms-imported = Entreprises cibles importées
audit-action-target-firm-approach-changed = Prospection d’une entreprise cible modifiée
chain-map-targets = { $count ->
    [0] Aucune entreprise cible
    [one] 1 entreprise cible
   *[other] { $count } entreprises cibles
}
chain-map-col-targets = Entreprises cibles
leads-title = Pistes
leads-hint = Chaque piste est suivie par un(e) seul(e) chargé(e) de liaison jusqu’à sa clôture : le journal de chaque contact, une prochaine étape. Une piste dont la prochaine étape est passée est signalée à son ou sa chargé(e) de liaison et aux responsables, et listée en premier.
leads-new = Ouvrir une piste
leads-open = Ouvrir la piste
leads-search = Piste ou investisseur
leads-counts = { $total } pistes · { $overdue } en retard, dont { $mine } à vous
leads-none = Aucune piste ne correspond.
lead-field-title = Piste
lead-field-investor = Investisseur
lead-field-source = Origine
lead-field-status = État
lead-field-outcome = Issue
lead-field-reason = Motif de la clôture
lead-source-event = Un événement de promotion
lead-source-delegation = Une délégation
lead-source-target-firm = Une entreprise cible
lead-source-portal = Une demande sur le portail
lead-source-brochure = Une brochure de projets
lead-source-other = Ailleurs
lead-status-open = Ouverte
lead-status-became-project = Devenue un projet
lead-status-closed = Close
lead-way-visit = Visite
lead-way-meeting = Réunion
lead-way-call = Appel téléphonique
lead-way-email = Courriel
lead-way-video = Visioconférence
lead-way-event = Lors d’un événement
lead-contacts = Journal des contacts
lead-no-contacts = Aucun contact consigné pour l’instant.
lead-contact-on = Date
lead-contact-way = Moyen
lead-contact-summary = Teneur
lead-contact-by = Consigné par
lead-log-contact = Consigner un contact
lead-close = Clore la piste
lead-firm-link = Ouvrir l’entreprise cible
lead-closed-because = Close : { $reason }
firm-open-lead = Ouvrir une piste pour cette entreprise
field-unknown-lead-source = Choisissez l’origine de la piste.
field-unknown-target-firm = Ce n’est pas une entreprise du fichier des entreprises cibles.
field-lead-closed = Cette piste est close et ne peut plus être modifiée.
field-unknown-contact-way = Choisissez le moyen du contact.
audit-action-lead-opened = Piste ouverte
audit-action-lead-contact-logged = Contact consigné sur une piste
audit-action-lead-closed = Piste close
field-not-your-firm = Un(e) autre chargé(e) de liaison suit cette entreprise : demandez-lui, ou à un administrateur, de la modifier.
chain-map-unnamed = Une entreprise du registre

## Projets proposés (推介项目库) et fiche de projets (活页)
promoted-title = Projets proposés
promoted-hint = Ce que la ville propose aux investisseurs, rédigé en chinois avec l’anglais et le français en regard. Un brouillon reste interne ; un projet publié figure parmi les opportunités d’investissement du portail, où les investisseurs manifestent leur intérêt.
promoted-new = Enregistrer un projet proposé
promoted-register = Enregistrer le projet
promoted-search = Titre
promoted-count = { $count ->
    [0] Aucun projet
    [one] 1 projet
   *[other] { $count } projets
}
promoted-none = Aucun projet proposé ne correspond.
promoted-field-title = Titre
promoted-field-description = Description
promoted-field-offer = Ce que la ville offre
promoted-field-chain = Filière
promoted-field-sub-chain = Sous-filière
promoted-field-segment = Maillon de la cartographie
promoted-field-segment-hint = Le maillon manquant ou le maillon qu’il renforce, sur la cartographie de la sous-filière (facultatif).
promoted-field-county = Localisation
promoted-field-investment = Investissement
promoted-field-investment-yi = Investissement (亿元)
promoted-field-investment-hint = En 亿元 (100 millions de yuans), par exemple 3.5.
promoted-field-land = Terrain (mu)
promoted-field-cooperation = Coopération recherchée
promoted-field-officer = Chargé(e) de liaison à contacter
promoted-field-status = État
promoted-field-size = Montant de l’investissement
promoted-translations-hint = Rédigez d’abord le chinois ; l’anglais et le français sont ce que lisent les investisseurs étrangers sur le portail et dans la fiche. Un texte qui n’en a pas est affiché en chinois, avec une note qui le signale.
promoted-status-draft = Brouillon
promoted-status-published = Publié
promoted-size-under-100m = Moins de 100 millions de CNY
promoted-size-100m-1b = De 100 millions à 1 milliard de CNY
promoted-size-over-1b = 1 milliard de CNY et plus
promoted-investment = { $amount } millions de CNY
promoted-land = { $mu } mu (environ { $ha } ha)
promoted-published-on = depuis le { $date }
promoted-on-portal = Le voir sur le portail
promoted-conversion = Ce qu’il a apporté
promoted-conversion-text = { $leads ->
    [0] Aucune piste encore
    [one] 1 piste
   *[other] { $leads } pistes
}, { $signed ->
    [0] aucune signée
    [one] 1 signée
   *[other] { $signed } signées
}
promoted-in-no-brochure = Dans aucun numéro de la fiche pour l’instant
promoted-open-lead = Ouvrir une piste sur ce projet
promoted-missing-languages = Pas encore rédigé en { $languages } : les lecteurs de ces langues voient le chinois, avec une note qui le signale.
promoted-publishing = Publication
promoted-publish = Publier sur le portail
promoted-publish-hint = Une fois publié, le projet figure parmi les opportunités d’investissement du portail et peut être présenté dans une fiche.
promoted-unpublish = Le remettre en brouillon
promoted-unpublish-hint = Le portail cesse de l’afficher ; ses pistes et ses numéros de fiche le conservent.
promoted-correct = Corriger le projet
cooperation-joint-venture = Coentreprise
cooperation-wholly-owned = Entreprise à capitaux entièrement étrangers
cooperation-cooperation = Coopération contractuelle
cooperation-open = À discuter
chain-map-promoted = { $count ->
    [0] Aucun projet proposé
    [one] 1 projet proposé
   *[other] { $count } projets proposés
}
chain-map-col-promoted = Projets proposés
lead-field-promoted = Projet proposé
lead-enquiry = La demande de l’investisseur
lead-enquiry-sent = Envoyée
interest-field-company = Entreprise
interest-field-country = Pays de l’entreprise
interest-field-contact-name = Votre nom
interest-field-email = Adresse de courriel
interest-field-phone = Téléphone
interest-field-language = Langue dans laquelle vous écrire
interest-field-message = Votre message
brochures-title = Fiche de projets
brochures-hint = Chaque numéro de la fiche présente des projets publiés autour d’un thème. Les chiffres disent jusqu’où ses projets sont allés : combien ont apporté une piste, combien ont été signés depuis.
brochures-none = Aucun numéro de la fiche pour l’instant.
brochures-summary = { $issues ->
    [0] Aucun numéro
    [one] 1 numéro
   *[other] { $issues } numéros
} présentant { $presented ->
    [0] aucun projet
    [one] 1 projet
   *[other] { $presented } projets
}, { $signed ->
    [0] aucun signé pour l’instant
    [one] 1 signé depuis
   *[other] { $signed } signés depuis
}.
brochures-all-issues = Tous les numéros (chaque projet une fois)
brochures-new = Commencer un numéro
brochures-create = Commencer le numéro
brochure-number = Numéro { $number }
brochure-field-number = Numéro
brochure-field-theme = Thème
brochure-field-theme-zh = Thème en chinois
brochure-field-theme-en = Thème en anglais
brochure-field-theme-fr = Thème en français
brochure-field-issued-on = Date
brochure-presented = Présentés
brochure-with-leads = Avec une piste
brochure-signed = Signés
brochure-leads = Pistes
brochure-figures = { $presented ->
    [0] Aucun projet présenté
    [one] 1 projet présenté
   *[other] { $presented } projets présentés
}, { $with_leads } avec une piste, { $signed } signés
brochure-empty = Ce numéro ne présente encore aucun projet.
brochure-add = Ajouter au numéro
brochure-add-project = Projet publié
brochure-remove = Retirer
brochure-print-en = Imprimer en chinois et en anglais
brochure-print-fr = Imprimer en chinois et en français
brochure-print-title = Fiche de projets d’investissement
brochure-print-back = Retour au numéro
brochure-print-chain = Filière :
brochure-print-location = Localisation :
brochure-print-investment = Investissement :
brochure-print-land = Terrain :
brochure-print-cooperation = Coopération recherchée :
brochure-print-offer = Ce que la ville offre :
brochure-print-contact = Contact :
brochure-print-not-translated = Pas encore traduit en français : voir le chinois en regard.
brochure-print-footer = Imprimé depuis Liaison. Les chiffres et conditions sont indicatifs et confirmés lors des négociations.
field-unknown-promoted-project = Ce n’est pas un projet proposé.
field-unknown-cooperation = Choisissez la coopération recherchée.
field-segment-outside-sub-chain = Ce maillon appartient à la cartographie d’une autre sous-filière : choisissez-en un de la sous-filière choisie.
field-not-published = Seul un projet publié peut être présenté dans une fiche.
field-brochure-number-taken = Ce numéro est déjà attribué à une autre parution.
field-already-in-brochure = Ce projet figure déjà dans ce numéro.
audit-action-promoted-project-registered = Projet proposé enregistré
audit-action-promoted-project-updated = Projet proposé corrigé
audit-action-promoted-project-published = Projet proposé publié
audit-action-promoted-project-unpublished = Projet proposé remis en brouillon
audit-action-brochure-issue-created = Numéro de la fiche commencé
audit-action-brochure-project-added = Projet ajouté à un numéro de la fiche
audit-action-brochure-project-removed = Projet retiré d’un numéro de la fiche
audit-action-interest-expressed = Intérêt manifesté sur le portail
firms-import-sending = Envoi du fichier : { $percent } %
firms-import-checking = Fichier envoyé ; lecture et vérification de ses lignes…
field-brochure-full = Ce numéro présente déjà 60 projets : commencez-en un autre.
field-unknown-promoted-status = Choisissez brouillon ou publié.
lead-field-delegation = Venue de la délégation
