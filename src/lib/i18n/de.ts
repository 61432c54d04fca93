import type { MessageKey } from './en';

/** German texts: every English key, checked by the type. */
export const de: Record<MessageKey, string> = {
	'app.name': 'Partner Desk',
	'app.skip': 'Zum Inhalt springen',
	'nav.label': 'Hauptnavigation',
	'nav.desk': 'Übersicht',
	'nav.reports': 'Berichte',
	'nav.contracts': 'Verträge',
	'nav.tier': 'Stufe',
	'nav.reviews': 'Prüfungen',
	'nav.sync': 'Versand',
	'nav.settings': 'Einstellungen',
	'offline.badge': 'Offline: Sie arbeiten auf diesem Gerät',

	'update.ready': 'Eine neue Version von Partner Desk ist bereit.',
	'update.reload': 'Jetzt aktualisieren',
	'update.later': 'Später',
	'update.unsaved':
		'Speichern oder verwerfen Sie zuerst Ihre ungespeicherten Änderungen; die Aktualisierung lädt die Seite neu.',
	'update.offlineReady': 'Partner Desk funktioniert jetzt auch offline.',
	'update.dismiss': 'Schließen',

	'program.omnissa-sp': 'Omnissa Service Provider',
	'program.genesys-appfoundry': 'Genesys AppFoundry ISV',
	'program.omnissa-sp.summary':
		'Commit-Verträge und monatliche Nutzungsberichte an Ihren Aggregator',
	'program.genesys-appfoundry.summary': 'Listings, Leads, Umsatz-KPI und Partnerstufe',

	'desk.title': 'Übersicht',
	'desk.welcome': 'Willkommen, {company}',
	'desk.firstRun.title': 'Partner Desk einrichten',
	'desk.firstRun.text':
		'Geben Sie Ihr Unternehmen, Ihre Partner-IDs und Ihre Programme ein. Alle Daten bleiben auf diesem Gerät.',
	'desk.firstRun.action': 'Einstellungen öffnen',
	'desk.programs': 'Ihre Programme',
	'desk.programs.empty':
		'Sie sind noch in keinem Programm eingetragen. Wählen Sie Ihre Programme in den Einstellungen.',
	'desk.partnerId': 'Partner-ID: {id}',
	'desk.partnerId.missing': 'Noch keine Partner-ID',
	'desk.deadlines': 'Nächste Fristen',
	'desk.deadlines.empty':
		'Noch keine Fristen. Treten Sie dem Omnissa-Service-Provider-Programm bei, um die Termine Ihrer Monatsberichte zu sehen.',
	'desk.deadline.report': 'Nutzungsbericht {period}',
	'desk.deadline.window': 'Prüfung ab {opens}, fällig bis Ende {due}',
	'desk.deadline.inDays': 'fällig in {days} Tagen',
	'desk.deadline.today': 'heute fällig',
	'desk.deadline.reviewOpen': 'Prüfzeitraum läuft',
	'desk.deadline.defaults':
		'Tag 10 und 15 sind die Vorgaben des Programms; bestätigen Sie sie mit Ihrem Aggregator.',

	'empty.reports.title': 'Monatsberichte',
	'empty.reports.text':
		'Noch keine Berichte. Hier importieren Sie den Nutzungsexport aus dem Herstellerportal, prüfen ihn und geben ihn für Ihren Aggregator frei.',
	'empty.contracts.title': 'Commit-Verträge',
	'empty.contracts.text':
		'Noch keine Commit-Verträge. Ihre Zusage, der Verbrauch aus gelieferten Berichten und die erreichte Rabattstufe erscheinen hier.',
	'empty.tier.title': 'Partnerstufe',
	'empty.tier.text':
		'Noch keine Stufendaten. Ihre AppFoundry-Stufe, der Umsatz-KPI bis zur Prüfung im vierten Quartal und eine laufende Erholungsphase erscheinen hier.',
	'empty.reviews.title': 'Compliance-Prüfungen',
	'empty.reviews.text':
		'Keine Compliance-Prüfungen. Anfragen des Herstellers oder Ihres Aggregators und Ihre Nachweise werden hier aufgeführt.',
	'empty.sync.title': 'Versand',
	'empty.sync.text':
		'Nichts zu senden. Freigegebene Berichte werden auf diesem Gerät signiert und warten hier, bis sie an Ihren Aggregator geliefert sind.',
	'empty.comingSoon': 'Dieser Teil von Partner Desk wird gerade gebaut.',

	'settings.title': 'Einstellungen',
	'settings.profile': 'Partnerprofil',
	'settings.companyName': 'Firmenname',
	'settings.partnerId': 'Partner-ID für {program}',
	'settings.currency': 'Standardwährung',
	'settings.timeZone': 'Zeitzone',
	'settings.timeZone.hint': 'Berichtsmonate und Fristen werden in dieser Zone gezählt.',
	'settings.language': 'Sprache',
	'settings.language.de': 'Deutsch',
	'settings.language.en': 'English',
	'settings.programs': 'Programme, an denen Sie teilnehmen',
	'settings.save': 'Einstellungen speichern',
	'settings.saved': 'Einstellungen gespeichert.',
	'settings.unsaved': 'Sie haben ungespeicherte Änderungen.',
	'settings.discard': 'Änderungen verwerfen',
	'settings.invalid': 'Bitte korrigieren Sie die markierten Felder.',

	'aggregators.title': 'Aggregatoren',
	'aggregators.text':
		'Die Distributoren, an die Sie berichten. Der Endpunkt für die Lieferung kommt mit dem Versand.',
	'aggregators.empty': 'Noch kein Aggregator.',
	'aggregators.name': 'Name',
	'aggregators.id': 'Aggregator-ID',
	'aggregators.add': 'Aggregator hinzufügen',
	'aggregators.remove': '{name} entfernen',
	'aggregators.added': 'Aggregator {name} gespeichert.',
	'aggregators.exists': 'Ein Aggregator mit dieser ID existiert bereits.',

	'storage.title': 'Speicher auf diesem Gerät',
	'storage.persistent':
		'Der Speicher ist dauerhaft: Der Browser löscht ihn nicht, wenn der Platz knapp wird.',
	'storage.notPersistent':
		'Der Speicher ist nicht dauerhaft: Der Browser kann ihn löschen, wenn die Festplatte voll ist. Installieren Sie die App und sichern Sie regelmäßig.',
	'storage.unsupported': 'Dieser Browser meldet seinen Speicher nicht.',
	'storage.usage': '{used} von {quota} belegt ({share})',
	'storage.nearlyFull':
		'Der Speicher ist fast voll. Exportieren Sie eine Sicherung und schaffen Sie Platz auf diesem Gerät.',
	'storage.request': 'Dauerhaften Speicher anfordern',

	'backup.title': 'Sicherung',
	'backup.text':
		'Exportieren Sie alle Daten als eine Datei oder stellen Sie sie auf diesem oder einem anderen Gerät wieder her. Der private Signaturschlüssel ist nie Teil einer Sicherung.',
	'backup.export': 'Sicherung exportieren',
	'backup.exported': 'Sicherung {file} exportiert.',
	'backup.restore': 'Aus Datei wiederherstellen',
	'backup.restore.confirm':
		'Die Wiederherstellung ersetzt alle Daten auf diesem Gerät durch die Sicherung vom {date}. Fortfahren?',
	'backup.cancel': 'Abbrechen',
	'backup.restored': 'Sicherung wiederhergestellt.',

	'error.required': 'Pflichtfeld.',
	'error.too-long': 'Zu lang.',
	'error.invalid': 'Kein gültiger Wert.',
	'error.partner-id-format': 'Nur Buchstaben, Ziffern und . _ / - verwenden.',
	'error.aggregator-id-format': 'Nur Buchstaben, Ziffern und . _ - verwenden.',
	'error.currency-format': 'Einen dreistelligen ISO-4217-Code wie EUR verwenden.',
	'error.currency-unknown': '„{value}“ ist kein bekannter Währungscode.',
	'error.time-zone-unknown': '„{value}“ ist keine bekannte Zeitzone.',
	'error.storage-full':
		'Der Gerätespeicher ist voll; es wurde nichts geändert. Schaffen Sie Platz oder exportieren Sie eine Sicherung und versuchen Sie es erneut.',
	'error.database-newer':
		'Die Daten auf diesem Gerät stammen von einer neueren Version von Partner Desk. Laden Sie die Seite neu, um die neue Version zu erhalten; es wurde nichts geändert.',
	'error.database-blocked':
		'Partner Desk ist in einem anderen Tab mit einer älteren Version geöffnet. Schließen Sie ihn und laden Sie neu.',
	'error.unexpected': 'Etwas ist schiefgegangen: {detail}. Es wurde nichts geändert.',
	'error.backup-empty': '{file}: Die Datei ist leer. Es wurde nichts geändert.',
	'error.backup-not-json':
		'{file}: keine Partner-Desk-Sicherung (die Datei ist kein gültiges JSON, vielleicht ist sie abgeschnitten). Es wurde nichts geändert.',
	'error.backup-foreign': '{file}: keine Partner-Desk-Sicherung. Es wurde nichts geändert.',
	'error.backup-newer':
		'{file}: Diese Sicherung stammt von einem neueren Partner Desk (Format {version}). Aktualisieren Sie zuerst die App. Es wurde nichts geändert.',
	'error.backup-invalid':
		'{file}: Die Sicherung ist bei „{field}“ beschädigt (Wert {value}). Es wurde nichts geändert.',
	'reports.title': 'Monatsberichte',
	'reports.intro':
		'Importieren Sie den Nutzungsexport des Monats aus dem Herstellerportal, prüfen Sie ihn und geben Sie ihn für Ihren Aggregator frei.',
	'reports.import.title': 'Nutzungsexport importieren',
	'reports.import.file': 'Nutzungsexport (CSV)',
	'reports.import.hint':
		'CSV aus dem Commerce Portal, deutsch oder englisch, mit ; oder , getrennt. Die Datei wird auf diesem Gerät geprüft.',
	'reports.import.drop': 'Oder die Datei hier ablegen',
	'reports.import.reading': '{file} wird geprüft: {rows} Zeilen gelesen',
	'reports.import.cancel': 'Import abbrechen',
	'reports.import.detected':
		'{rows} Zeilen, {encoding}, Trennzeichen „{delimiter}“, Zahlen als {numbers}',
	'reports.import.numbers.de': '1.234,56',
	'reports.import.numbers.en': '1,234.56',
	'reports.import.total': 'Summe der Datei: {amount} in {lines} Zeilen',
	'reports.import.fileProblems':
		'Diese Datei kann nicht importiert werden. Es wurde nichts gespeichert.',
	'reports.import.rowProblems':
		'{count} Probleme in {lines} Zeilen. Korrigieren Sie die Datei und importieren Sie sie erneut, oder importieren Sie nur die gültigen Zeilen.',
	'reports.import.keptProblems':
		'{count} Probleme. Die Zeilen werden importiert; korrigieren Sie sie im Bericht, bevor Sie ihn freigeben.',
	'reports.import.moreProblems': '… und {count} weitere.',
	'reports.import.duplicate':
		'Genau diese Datei wurde bereits importiert: Bericht {period}, Revision {revision}. Sie wird nicht doppelt importiert.',
	'reports.import.openExisting': 'Diesen Bericht öffnen',
	'reports.import.period': 'Berichtsmonat',
	'reports.import.currency': 'Währung',
	'reports.import.replace':
		'Der Bericht für {period} ist bereits ein Entwurf. Der Import ersetzt seine Zeilen durch diese Datei.',
	'reports.import.replaceConfirm': 'Zeilen des Entwurfs ersetzen',
	'reports.import.store': 'Importieren',
	'reports.import.storeValid': 'Nur die {count} gültigen Zeilen importieren',
	'reports.import.storing': 'Wird gespeichert …',
	'reports.import.stored': 'Importiert.',
	'reports.import.open': 'Bericht öffnen',
	'reports.list.title': 'Berichte',
	'reports.list.empty': 'Noch keine Berichte. Importieren Sie oben den ersten Nutzungsexport.',
	'reports.list.period': 'Monat',
	'reports.list.revision': 'Revision',
	'reports.list.state': 'Status',
	'reports.list.due': 'Fällig',
	'reports.list.lines': 'Zeilen',
	'reports.list.total': 'Summe',
	'reports.due.inDays': 'in {days} Tagen',
	'reports.due.today': 'heute',
	'reports.due.overdue': 'seit {days} Tagen überfällig',
	'state.draft': 'Entwurf',
	'state.in-review': 'In Prüfung',
	'state.ready': 'Freigegeben',
	'state.signed': 'Signiert',
	'state.queued': 'Wartet auf Versand',
	'state.delivered': 'Geliefert',
	'state.superseded': 'Ersetzt',
	'state.overdue': 'Überfällig',
	'report.title': 'Nutzungsbericht {period}',
	'report.revision': 'Revision {revision}',
	'report.notFound': 'Diesen Bericht gibt es auf diesem Gerät nicht.',
	'report.back': 'Alle Berichte',
	'report.source': 'Aus {file}, importiert am {date}',
	'report.totals': 'Summen',
	'report.lines': 'Zeilen',
	'report.quantity': 'Menge',
	'report.amount': 'Summe (Listenpreis)',
	'report.bySid': 'Nach SID',
	'report.byCustomer': 'Nach Kunde',
	'report.noCustomer': '(kein Kunde)',
	'report.lineTable': 'Zeilen',
	'report.lineTable.more': 'Die ersten {shown} von {count} Zeilen. Der Export enthält alle.',
	'report.col.line': 'Zeile',
	'report.col.sid': 'SID',
	'report.col.customer': 'Kunde',
	'report.col.product': 'Produkt',
	'report.col.quantity': 'Menge',
	'report.col.unitPrice': 'Einzelpreis',
	'report.col.total': 'Gesamt',
	'report.findings': 'Befunde',
	'report.findings.none': 'Keine Befunde: Der Bericht besteht alle Prüfungen.',
	'report.findings.notes': '{count} Hinweise: Neugeschäft und weitere Informationen',
	'report.findings.summary':
		'{blocking} blockierend, {open} Warnungen zu bestätigen, {acknowledged} bestätigt, {info} Hinweise',
	'report.severity.blocking': 'Blockierend',
	'report.severity.warning': 'Warnung',
	'report.severity.info': 'Hinweis',
	'report.fix': 'Was zu tun ist: {hint}',
	'report.ack.reason': 'Grund',
	'report.ack.comment': 'Kommentar',
	'report.ack.submit': 'Bestätigen',
	'report.ack.done': 'Bestätigt: {reason}, {date}',
	'report.credit.reason': 'Grund der Gutschrift',
	'report.credit.submit': 'Gutschrift erfassen',
	'report.correct.submit': 'Korrektur speichern',
	'report.correct.invalid': '{field}: „{value}“ ist keine Zahl.',
	'report.ready': 'Freigeben',
	'report.ready.blocked':
		'Beheben Sie zuerst die blockierenden Befunde und bestätigen Sie jede Warnung.',
	'report.ready.frozen':
		'Diese Revision ist {state} und kann sich nicht mehr ändern. Importieren Sie eine korrigierte Datei für eine neue Revision.',
	'report.ready.done': 'Freigegeben. Die Revision ist eingefroren.',
	'report.export': 'Als CSV exportieren',
	'report.pack': 'Geprüft mit Programmpaket {id} {version}',
	'error.import.unexpected': 'Der Import ist fehlgeschlagen: {detail}. Es wurde nichts gespeichert.'
};
