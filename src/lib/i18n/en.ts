/** English texts. Keys are stable; `de.ts` must have every key (a type check holds it). */
export const en = {
	'app.name': 'Partner Desk',
	'app.skip': 'Skip to content',
	'nav.label': 'Main',
	'nav.desk': 'Desk',
	'nav.reports': 'Reports',
	'nav.contracts': 'Contracts',
	'nav.tier': 'Tier',
	'nav.reviews': 'Reviews',
	'nav.sync': 'Sync',
	'nav.settings': 'Settings',
	'offline.badge': 'Offline: working on this device',

	'update.ready': 'A new version of Partner Desk is ready.',
	'update.reload': 'Update now',
	'update.later': 'Later',
	'update.unsaved': 'Save or discard your unsaved changes first; the update reloads the page.',
	'update.offlineReady': 'Partner Desk now works offline.',
	'update.dismiss': 'Dismiss',

	'program.omnissa-sp': 'Omnissa Service Provider',
	'program.genesys-appfoundry': 'Genesys AppFoundry ISV',
	'program.omnissa-sp.summary': 'Commit contracts and monthly usage reports to your aggregator',
	'program.genesys-appfoundry.summary': 'Listings, leads, revenue KPI and tier status',

	'desk.title': 'Desk',
	'desk.welcome': 'Welcome, {company}',
	'desk.firstRun.title': 'Set up Partner Desk',
	'desk.firstRun.text':
		'Enter your company, your partner ids and the programs you take part in. Everything stays on this device.',
	'desk.firstRun.action': 'Open settings',
	'desk.programs': 'Your programs',
	'desk.programs.empty': 'You are not enrolled in a program yet. Choose your programs in Settings.',
	'desk.partnerId': 'Partner id: {id}',
	'desk.partnerId.missing': 'No partner id yet',
	'desk.deadlines': 'Next deadlines',
	'desk.deadlines.empty':
		'No deadlines yet. Enrol in the Omnissa Service Provider program to see your monthly report dates.',
	'desk.deadline.report': 'Usage report {period}',
	'desk.deadline.window': 'Review from {opens}, due by end of {due}',
	'desk.deadline.inDays': 'due in {days} days',
	'desk.deadline.today': 'due today',
	'desk.deadline.reviewOpen': 'review window open',
	'desk.deadline.defaults':
		'Days 10 and 15 are the program defaults; confirm them with your aggregator.',

	'empty.reports.title': 'Monthly reports',
	'empty.reports.text':
		'No reports yet. Here you will import the usage export from the vendor portal, check it and mark it ready for your aggregator.',
	'empty.contracts.title': 'Commit contracts',
	'empty.contracts.text':
		'No commit contracts yet. Your commitment, its consumption from delivered reports and the discount band reached will appear here.',
	'empty.tier.title': 'Tier',
	'empty.tier.text':
		'No tier data yet. Your AppFoundry tier, the revenue KPI towards the Q4 review and any grace period will appear here.',
	'empty.reviews.title': 'Compliance reviews',
	'empty.reviews.text':
		'No compliance reviews. Requests from the vendor or your aggregator and the evidence you provide will be listed here.',
	'empty.sync.title': 'Sync',
	'empty.sync.text':
		'Nothing to send. Reports you mark ready are signed on this device and wait here until they are delivered to your aggregator.',
	'empty.comingSoon': 'This part of Partner Desk is being built.',

	'settings.title': 'Settings',
	'settings.profile': 'Partner profile',
	'settings.companyName': 'Company name',
	'settings.partnerId': 'Partner id for {program}',
	'settings.currency': 'Default currency',
	'settings.timeZone': 'Time zone',
	'settings.timeZone.hint': 'Reporting months and deadlines are counted in this zone.',
	'settings.language': 'Language',
	'settings.language.de': 'Deutsch',
	'settings.language.en': 'English',
	'settings.programs': 'Programs you are enrolled in',
	'settings.save': 'Save settings',
	'settings.saved': 'Settings saved.',
	'settings.unsaved': 'You have unsaved changes.',
	'settings.discard': 'Discard changes',
	'settings.invalid': 'Please correct the marked fields.',

	'aggregators.title': 'Aggregators',
	'aggregators.text': 'The distributors you report to. The endpoint for delivery comes with sync.',
	'aggregators.empty': 'No aggregator yet.',
	'aggregators.name': 'Name',
	'aggregators.id': 'Aggregator id',
	'aggregators.add': 'Add aggregator',
	'aggregators.remove': 'Remove {name}',
	'aggregators.added': 'Aggregator {name} saved.',
	'aggregators.exists': 'An aggregator with this id exists already.',

	'storage.title': 'Storage on this device',
	'storage.persistent':
		'Storage is persistent: the browser will not clear it under storage pressure.',
	'storage.notPersistent':
		'Storage is not persistent: the browser may clear it when the disk is full. Install the app and keep backups.',
	'storage.unsupported': 'This browser does not report its storage.',
	'storage.usage': '{used} of {quota} used ({share})',
	'storage.nearlyFull': 'Storage is almost full. Export a backup and free space on this device.',
	'storage.request': 'Ask for persistent storage',

	'backup.title': 'Backup',
	'backup.text':
		'Export all data as one file, or restore it on this or another device. The private signing key is never part of a backup.',
	'backup.export': 'Export backup',
	'backup.exported': 'Backup {file} exported.',
	'backup.restore': 'Restore from file',
	'backup.restore.confirm':
		'Restoring replaces all data on this device with the backup from {date}. Continue?',
	'backup.cancel': 'Cancel',
	'backup.restored': 'Backup restored.',

	'error.required': 'Required.',
	'error.too-long': 'Too long.',
	'error.invalid': 'Not a valid value.',
	'error.partner-id-format': 'Use letters, digits and . _ / - only.',
	'error.aggregator-id-format': 'Use letters, digits and . _ - only.',
	'error.currency-format': 'Use a three-letter ISO 4217 code such as EUR.',
	'error.currency-unknown': '"{value}" is not a known currency code.',
	'error.time-zone-unknown': '"{value}" is not a known time zone.',
	'error.storage-full':
		'The device storage is full; nothing was changed. Free space or export a backup, then try again.',
	'error.database-newer':
		'The data on this device was written by a newer version of Partner Desk. Reload to get the new version; nothing was changed.',
	'error.database-blocked':
		'Partner Desk is open in another tab with an older version. Close it and reload.',
	'error.unexpected': 'Something went wrong: {detail}. Nothing was changed.',
	'error.backup-empty': '{file}: the file is empty. Nothing was changed.',
	'error.backup-not-json':
		'{file}: not a Partner Desk backup (the file is not valid JSON, it may be truncated). Nothing was changed.',
	'error.backup-foreign': '{file}: not a Partner Desk backup. Nothing was changed.',
	'error.backup-newer':
		'{file}: this backup was made by a newer Partner Desk (format {version}). Update the app first. Nothing was changed.',
	'error.backup-invalid':
		'{file}: the backup is damaged at "{field}" (value {value}). Nothing was changed.'
} as const;

export type MessageKey = keyof typeof en;
