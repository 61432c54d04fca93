// The Genesys CSV tests read files as the app does (src/lib/ui/programs/genesys-appfoundry).
export {
	numberReader,
	readGenesysCsv
} from '$lib/ui/programs/genesys-appfoundry/read-genesys-file';
