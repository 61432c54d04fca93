import type { ProgramModule, ProgramRecordKind } from '../program-module';
import { contractSchema, overlapProblems, type Contract } from './commercial/contract';
import { bookingRecordSchema, type BookingRecord } from './commercial/booking-record';
import { customerSchema, type Customer } from './commercial/customer';
import { invoiceRecordSchema, type InvoiceRecord } from './commercial/invoice-record';
import { effectiveOmnissaPack } from './effective-pack';
import { nextOmnissaDeadline } from './next-deadline';
import type { OmnissaSpPack } from './pack-schema';

/** Commit contracts: several per partner, a renewal after the old one, never overlapping. */
const contractRecords: ProgramRecordKind<Contract> = {
	schema: contractSchema,
	idOf: (contract) => contract.id,
	check: (contract, others) =>
		overlapProblems([...others.filter((other) => other.id !== contract.id), contract])
};

/** Aggregator invoices, kept to reconcile with the delivered report of their month. */
const invoiceRecords: ProgramRecordKind<InvoiceRecord> = {
	schema: invoiceRecordSchema,
	idOf: (invoice) => invoice.id
};

/** The end-customer register, by the reference the usage reports use. */
const customerRecords: ProgramRecordKind<Customer> = {
	schema: customerSchema,
	idOf: (customer) => customer.id
};

/** The partner's decisions on a month's booking-point candidates, by month. */
const bookingRecords: ProgramRecordKind<BookingRecord> = {
	schema: bookingRecordSchema,
	idOf: (booking) => booking.id
};

/** The Omnissa Service Provider program: commit contracts and monthly usage reports. */
export const omnissaSpProgram: ProgramModule<OmnissaSpPack> = {
	id: 'omnissa-sp',
	name: { de: 'Omnissa Service Provider', en: 'Omnissa Service Provider' },
	summary: {
		de: 'Commit-Verträge und monatliche Nutzungsberichte an Ihren Aggregator',
		en: 'Commit contracts and monthly usage reports to your aggregator'
	},
	effectivePack: effectiveOmnissaPack,
	records: {
		contract: contractRecords,
		invoice: invoiceRecords,
		customer: customerRecords,
		booking: bookingRecords
	},
	nextDeadline: nextOmnissaDeadline
};
